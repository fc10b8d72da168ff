"""The whole data model: branches, members, meetings, development, attachments, settings, audit log.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 19:49:32.795639
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('table_name', sa.String(length=50), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), server_default='', nullable=False),
    sa.Column('old', sa.JSON(), nullable=True),
    sa.Column('new', sa.JSON(), nullable=True),
    sa.Column('actor', sa.String(length=50), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_record', ['table_name', 'record_id'], unique=False)

    op.create_table('branches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('parent_org', sa.String(length=100), server_default='', nullable=False),
    sa.Column('kind', sa.String(length=20), server_default='党支部', nullable=False),
    sa.Column('sort_order', sa.Integer(), server_default='0', nullable=False),
    sa.Column('established_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_branches')),
    sa.UniqueConstraint('name', name=op.f('uq_branches_name'))
    )
    op.create_table('settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=30), server_default='global', nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_settings')),
    sa.UniqueConstraint('scope', 'key', name=op.f('uq_settings_scope_key'))
    )
    op.create_table('committee_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('elected_on', sa.Date(), nullable=False),
    sa.Column('term_years', sa.Integer(), server_default='3', nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_committee_terms_branch_id_branches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_committee_terms'))
    )
    with op.batch_alter_table('committee_terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_committee_terms_branch_id'), ['branch_id'], unique=False)

    op.create_table('party_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('sort_order', sa.Integer(), server_default='0', nullable=False),
    sa.Column('dissolved_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_party_groups_branch_id_branches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party_groups')),
    sa.UniqueConstraint('branch_id', 'name', name=op.f('uq_party_groups_branch_id_name'))
    )
    with op.batch_alter_table('party_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_party_groups_branch_id'), ['branch_id'], unique=False)

    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), server_default='', nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('starts_at', sa.Time(), nullable=True),
    sa.Column('ends_at', sa.Time(), nullable=True),
    sa.Column('place', sa.String(length=200), server_default='', nullable=False),
    sa.Column('host', sa.String(length=50), server_default='', nullable=False),
    sa.Column('recorder', sa.String(length=50), server_default='', nullable=False),
    sa.Column('lecturer', sa.String(length=50), server_default='', nullable=False),
    sa.Column('counterpart', sa.String(length=200), server_default='', nullable=False),
    sa.Column('guests', sa.Text(), server_default='', nullable=False),
    sa.Column('topics', sa.Text(), server_default='', nullable=False),
    sa.Column('minutes', sa.Text(), server_default='', nullable=False),
    sa.Column('resolutions', sa.Text(), server_default='', nullable=False),
    sa.Column('expected', sa.Integer(), server_default='0', nullable=False),
    sa.Column('present', sa.Integer(), server_default='0', nullable=False),
    sa.Column('state', sa.String(length=32), server_default='draft', nullable=False),
    sa.Column('finalised_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_meetings_branch_id_branches'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['group_id'], ['party_groups.id'], name=op.f('fk_meetings_group_id_party_groups'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index('ix_meetings_branch_date', ['branch_id', 'held_on'], unique=False)
        batch_op.create_index('ix_meetings_branch_type_date', ['branch_id', 'type', 'held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_group_id'), ['group_id'], unique=False)

    op.create_table('members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('name_pinyin', sa.String(length=200), server_default='', nullable=False),
    sa.Column('name_initials', sa.String(length=50), server_default='', nullable=False),
    sa.Column('name_strokes', sa.String(length=50), server_default='', nullable=False),
    sa.Column('gender', sa.String(length=32), nullable=True),
    sa.Column('ethnicity', sa.String(length=20), server_default='', nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('native_place', sa.String(length=100), server_default='', nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('education', sa.String(length=30), server_default='', nullable=False),
    sa.Column('category', sa.String(length=50), server_default='', nullable=False),
    sa.Column('work_unit', sa.String(length=200), server_default='', nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('full_member_on', sa.Date(), nullable=True),
    sa.Column('probation_extension_months', sa.Integer(), server_default='0', nullable=False),
    sa.Column('party_post', sa.String(length=50), server_default='', nullable=False),
    sa.Column('phone', sa.String(length=30), server_default='', nullable=False),
    sa.Column('address', sa.String(length=200), server_default='', nullable=False),
    sa.Column('status', sa.String(length=32), server_default='full', nullable=False),
    sa.Column('status_since', sa.Date(), nullable=True),
    sa.Column('is_floating', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('is_lost_contact', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('dues_base', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_members_branch_id_branches'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['group_id'], ['party_groups.id'], name=op.f('fk_members_group_id_party_groups'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_members')),
    sa.UniqueConstraint('id_number', name=op.f('uq_members_id_number'))
    )
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.create_index('ix_members_branch_status', ['branch_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_group_id'), ['group_id'], unique=False)
        batch_op.create_index('ix_members_joined_on', ['joined_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_members_name'), ['name'], unique=False)

    op.create_table('applicants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=32), nullable=True),
    sa.Column('ethnicity', sa.String(length=20), server_default='', nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('native_place', sa.String(length=100), server_default='', nullable=False),
    sa.Column('education', sa.String(length=30), server_default='', nullable=False),
    sa.Column('work_unit', sa.String(length=200), server_default='', nullable=False),
    sa.Column('phone', sa.String(length=30), server_default='', nullable=False),
    sa.Column('rule_catalog_version', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=32), server_default='active', nullable=False),
    sa.Column('probation_outcome', sa.String(length=32), nullable=True),
    sa.Column('extension_months', sa.Integer(), server_default='0', nullable=False),
    sa.Column('leaves_unit_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_applicants_branch_id_branches'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['group_id'], ['party_groups.id'], name=op.f('fk_applicants_group_id_party_groups'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_applicants_member_id_members'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applicants')),
    sa.UniqueConstraint('id_number', name=op.f('uq_applicants_id_number')),
    sa.UniqueConstraint('member_id', name=op.f('uq_applicants_member_id'))
    )
    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.create_index('ix_applicants_branch_status', ['branch_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_applicants_name'), ['name'], unique=False)

    op.create_table('appraisal_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=32), nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_appraisal_results_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_appraisal_results_member_id_members'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appraisal_results')),
    sa.UniqueConstraint('meeting_id', 'member_id', name=op.f('uq_appraisal_results_meeting_id_member_id'))
    )
    with op.batch_alter_table('appraisal_results', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appraisal_results_member_id'), ['member_id'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.String(length=200), server_default='', nullable=False),
    sa.Column('can_vote', sa.Boolean(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_attendance_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_attendance_member_id_members'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('meeting_id', 'member_id', name=op.f('uq_attendance_meeting_id_member_id'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_member_id'), ['member_id'], unique=False)

    op.create_table('birthday_observances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_birthday_observances_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_birthday_observances'))
    )
    with op.batch_alter_table('birthday_observances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_birthday_observances_member_id'), ['member_id'], unique=False)

    op.create_table('committee_posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('post', sa.String(length=32), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('person_name', sa.String(length=50), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_committee_posts_member_id_members'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['term_id'], ['committee_terms.id'], name=op.f('fk_committee_posts_term_id_committee_terms'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_committee_posts'))
    )
    with op.batch_alter_table('committee_posts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_committee_posts_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_committee_posts_term_id'), ['term_id'], unique=False)

    op.create_table('dues_payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('base', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('due', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('paid', sa.Numeric(precision=12, scale=2), server_default='0', nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_dues_payments_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dues_payments')),
    sa.UniqueConstraint('member_id', 'year', 'month', name=op.f('uq_dues_payments_member_id_year_month'))
    )
    with op.batch_alter_table('dues_payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dues_payments_member_id'), ['member_id'], unique=False)

    op.create_table('member_status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), server_default='', nullable=False),
    sa.Column('destination', sa.String(length=200), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_member_status_changes_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_status_changes'))
    )
    with op.batch_alter_table('member_status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_status_changes_member_id'), ['member_id'], unique=False)

    op.create_table('development_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('reviewer', sa.String(length=50), server_default='', nullable=False),
    sa.Column('content', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicants.id'], name=op.f('fk_development_reviews_applicant_id_applicants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_development_reviews'))
    )
    with op.batch_alter_table('development_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_development_reviews_applicant_id'), ['applicant_id'], unique=False)

    op.create_table('development_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.Column('step_no', sa.Integer(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('people', sa.JSON(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('step_no BETWEEN 1 AND 25', name=op.f('ck_development_steps_step_no_range')),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicants.id'], name=op.f('fk_development_steps_applicant_id_applicants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_development_steps')),
    sa.UniqueConstraint('applicant_id', 'step_no', name=op.f('uq_development_steps_applicant_id_step_no'))
    )
    op.create_table('votes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('applicant_id', sa.Integer(), nullable=True),
    sa.Column('expected_voters', sa.Integer(), nullable=False),
    sa.Column('present_voters', sa.Integer(), nullable=False),
    sa.Column('in_favour', sa.Integer(), server_default='0', nullable=False),
    sa.Column('against', sa.Integer(), server_default='0', nullable=False),
    sa.Column('abstain', sa.Integer(), server_default='0', nullable=False),
    sa.Column('written_in_favour', sa.Integer(), server_default='0', nullable=False),
    sa.Column('written_against', sa.Integer(), server_default='0', nullable=False),
    sa.Column('quorum', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('passed', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicants.id'], name=op.f('fk_votes_applicant_id_applicants'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_votes_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_votes_member_id_members'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_votes'))
    )
    with op.batch_alter_table('votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_votes_applicant_id'), ['applicant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_votes_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('applicant_id', sa.Integer(), nullable=True),
    sa.Column('step_id', sa.Integer(), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('stored_path', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint(_one_owner_check(), name=op.f('ck_attachments_one_owner')),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicants.id'], name=op.f('fk_attachments_applicant_id_applicants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_attachments_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_attachments_member_id_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['step_id'], ['development_steps.id'], name=op.f('fk_attachments_step_id_development_steps'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments'))
    )
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachments_applicant_id'), ['applicant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachments_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachments_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachments_step_id'), ['step_id'], unique=False)



    _make_audit_log_append_only()


def _one_owner_check() -> str:
    """Exactly one owner per attachment. SQLite adds booleans as numbers; PostgreSQL needs a cast.

    The SQLite text is kept exactly as first released, so existing files keep their schema.
    """
    owners = ("meeting_id", "applicant_id", "step_id", "member_id")
    if op.get_bind().dialect.name == "sqlite":
        return " + ".join(f"({c} IS NOT NULL)" for c in owners) + " = 1"
    return " + ".join(f"CAST({c} IS NOT NULL AS INTEGER)" for c in owners) + " = 1"


def _make_audit_log_append_only() -> None:
    """Changes to final records are evidence: the log refuses UPDATE and DELETE."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )


def downgrade() -> None:
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_step_id'))
        batch_op.drop_index(batch_op.f('ix_attachments_member_id'))
        batch_op.drop_index(batch_op.f('ix_attachments_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_attachments_applicant_id'))

    op.drop_table('attachments')
    with op.batch_alter_table('votes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_votes_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_votes_applicant_id'))

    op.drop_table('votes')
    op.drop_table('development_steps')
    with op.batch_alter_table('development_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_development_reviews_applicant_id'))

    op.drop_table('development_reviews')
    with op.batch_alter_table('member_status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_status_changes_member_id'))

    op.drop_table('member_status_changes')
    with op.batch_alter_table('dues_payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dues_payments_member_id'))

    op.drop_table('dues_payments')
    with op.batch_alter_table('committee_posts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_committee_posts_term_id'))
        batch_op.drop_index(batch_op.f('ix_committee_posts_member_id'))

    op.drop_table('committee_posts')
    with op.batch_alter_table('birthday_observances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_birthday_observances_member_id'))

    op.drop_table('birthday_observances')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_member_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('appraisal_results', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appraisal_results_member_id'))

    op.drop_table('appraisal_results')
    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applicants_name'))
        batch_op.drop_index('ix_applicants_branch_status')

    op.drop_table('applicants')
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_members_name'))
        batch_op.drop_index('ix_members_joined_on')
        batch_op.drop_index(batch_op.f('ix_members_group_id'))
        batch_op.drop_index('ix_members_branch_status')

    op.drop_table('members')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_group_id'))
        batch_op.drop_index('ix_meetings_branch_type_date')
        batch_op.drop_index('ix_meetings_branch_date')

    op.drop_table('meetings')
    with op.batch_alter_table('party_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_party_groups_branch_id'))

    op.drop_table('party_groups')
    with op.batch_alter_table('committee_terms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_committee_terms_branch_id'))

    op.drop_table('committee_terms')
    op.drop_table('settings')
    op.drop_table('branches')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_record')

    op.drop_table('audit_log')
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
