"""组织生活会 整改: the items (problem, measure, owner, deadline) and their 销号 with its evidence.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 12:00:00

`rectifications` holds one row per 整改 item; an item is open until `closed_on` is set. The evidence of a
销号 may be files: `attachments` gets a fifth owner, `rectification_id`, and its one-owner check names
it too (on SQLite the table is rebuilt for that, rows and ids unchanged; the check's text keeps the
SQLite form of 0001 with the new column added).
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_OWNERS = ("meeting_id", "applicant_id", "step_id", "member_id")


def _one_owner_check(owners: tuple[str, ...]) -> str:
    if op.get_bind().dialect.name == "sqlite":
        return " + ".join(f"({c} IS NOT NULL)" for c in owners) + " = 1"
    return " + ".join(f"CAST({c} IS NOT NULL AS INTEGER)" for c in owners) + " = 1"


def upgrade() -> None:
    op.create_table(
        'rectifications',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('meeting_id', sa.Integer(), nullable=True),
        sa.Column('problem', sa.Text(), nullable=False),
        sa.Column('measure', sa.Text(), server_default='', nullable=False),
        sa.Column('owner_member_id', sa.Integer(), nullable=True),
        sa.Column('owner_name', sa.String(length=100), server_default='', nullable=False),
        sa.Column('raised_on', sa.Date(), nullable=True),
        sa.Column('deadline', sa.Date(), nullable=False),
        sa.Column('closed_on', sa.Date(), nullable=True),
        sa.Column('closing_note', sa.Text(), server_default='', nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_rectifications_branch_id_branches'),
                                ondelete='RESTRICT'),
        sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_rectifications_meeting_id_meetings'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['owner_member_id'], ['members.id'],
                                name=op.f('fk_rectifications_owner_member_id_members'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rectifications')),
    )
    with op.batch_alter_table('rectifications', schema=None) as batch_op:
        batch_op.create_index('ix_rectifications_branch_closed', ['branch_id', 'closed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_rectifications_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rectifications_owner_member_id'), ['owner_member_id'], unique=False)

    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_attachments_one_owner'), type_='check')
        batch_op.add_column(sa.Column('rectification_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_attachments_rectification_id_rectifications'), 'rectifications',
                                    ['rectification_id'], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint(op.f('ck_attachments_one_owner'),
                                         sa.text(_one_owner_check((*_OWNERS, 'rectification_id'))))
        batch_op.create_index(batch_op.f('ix_attachments_rectification_id'), ['rectification_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_rectification_id'))
        batch_op.drop_constraint(op.f('ck_attachments_one_owner'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_attachments_rectification_id_rectifications'), type_='foreignkey')
        batch_op.drop_column('rectification_id')
        batch_op.create_check_constraint(op.f('ck_attachments_one_owner'), sa.text(_one_owner_check(_OWNERS)))
    with op.batch_alter_table('rectifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rectifications_owner_member_id'))
        batch_op.drop_index(batch_op.f('ix_rectifications_meeting_id'))
        batch_op.drop_index('ix_rectifications_branch_closed')
    op.drop_table('rectifications')
