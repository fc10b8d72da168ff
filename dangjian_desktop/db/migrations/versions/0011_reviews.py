"""The year's reviews: who talked with whom (谈心谈话), the 民主测评 votes, and the 处置 of 不合格党员.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 12:00:00

`heart_talk_pairs` names the 谈话人 and 谈话对象 of a 谈心谈话 record from the roster (the record's
free-text 谈话人/谈话对象 stay as printed); coverage for the year is counted from these rows.
`appraisal_results` gains the votes a member received for each grade (NULL: not recorded, as every
existing row). `unqualified_disposals` is the 处置 track a 不合格 outcome opens (限期改正, 劝其退党,
除名), open until closed. Only additions: nothing already recorded changes.
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_VOTES = ('votes_excellent', 'votes_qualified', 'votes_basic', 'votes_unqualified')


def upgrade() -> None:
    with op.batch_alter_table('appraisal_results', schema=None) as batch_op:
        for name in _VOTES:
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=True))
    op.create_table(
        'unqualified_disposals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('result_id', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=32), nullable=False),
        sa.Column('decided_on', sa.Date(), nullable=True),
        sa.Column('deadline', sa.Date(), nullable=True),
        sa.Column('closed_on', sa.Date(), nullable=True),
        sa.Column('closing', sa.Text(), server_default='', nullable=False),
        sa.Column('note', sa.Text(), server_default='', nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.ForeignKeyConstraint(['result_id'], ['appraisal_results.id'],
                                name=op.f('fk_unqualified_disposals_result_id_appraisal_results'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_unqualified_disposals')),
        sa.UniqueConstraint('result_id', name=op.f('uq_unqualified_disposals_result_id')),
    )
    op.create_table(
        'heart_talk_pairs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('meeting_id', sa.Integer(), nullable=False),
        sa.Column('talker_id', sa.Integer(), nullable=False),
        sa.Column('listener_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_heart_talk_pairs_meeting_id_meetings'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['talker_id'], ['members.id'], name=op.f('fk_heart_talk_pairs_talker_id_members'),
                                ondelete='RESTRICT'),
        sa.ForeignKeyConstraint(['listener_id'], ['members.id'], name=op.f('fk_heart_talk_pairs_listener_id_members'),
                                ondelete='RESTRICT'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_heart_talk_pairs')),
        sa.UniqueConstraint('meeting_id', 'talker_id', 'listener_id',
                            name=op.f('uq_heart_talk_pairs_meeting_id_talker_id_listener_id')),
    )
    with op.batch_alter_table('heart_talk_pairs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_heart_talk_pairs_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_heart_talk_pairs_talker_id'), ['talker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_heart_talk_pairs_listener_id'), ['listener_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('heart_talk_pairs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_heart_talk_pairs_listener_id'))
        batch_op.drop_index(batch_op.f('ix_heart_talk_pairs_talker_id'))
        batch_op.drop_index(batch_op.f('ix_heart_talk_pairs_meeting_id'))
    op.drop_table('heart_talk_pairs')
    op.drop_table('unqualified_disposals')
    with op.batch_alter_table('appraisal_results', schema=None) as batch_op:
        for name in reversed(_VOTES):
            batch_op.drop_column(name)
