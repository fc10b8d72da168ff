"""The day a member received the 光荣在党50年纪念章; how a vote was taken (举手/无记名投票).

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-02 07:30:00

The year's 光荣在党50年 list shows who becomes eligible that year and who already has the medal;
the day it was received is recorded in 政治生日. Empty for everyone until recorded. A 支部党员大会
vote records its method; votes recorded before say nothing about it (empty: not recorded).
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('members') as batch:
        batch.add_column(sa.Column('fifty_year_medal_on', sa.Date(), nullable=True))
    with op.batch_alter_table('votes') as batch:
        batch.add_column(sa.Column('method', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('votes') as batch:
        batch.drop_column('method')
    with op.batch_alter_table('members') as batch:
        batch.drop_column('fifty_year_medal_on')
