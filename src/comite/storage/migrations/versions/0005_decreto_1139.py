"""Decreto 1139 de 2021 and a coherent record: compositions that carry the committee's
name, populations heard by their own committee, session modality, the facts a decision
must record, restoration measures recommended to an entity

Schema: ``composition.name/short_name/resolution_template``, ``population.committee_code``,
``committee_session.modality``, ``case_file.analyst_gender`` (and ``public_servant``
dropped), ``decision.matrix_departure_reason/level_change_reason/emergency_disposition/
emergency_note/concertation_on/concertation_with``, ``measure_decision.competent_entity``.

Data, so that an upgraded database ends up as a new one:

* each session's modality follows what it recorded (place and link: mixta; link only:
  virtual; else presencial);
* a case marked ``public_servant`` (the flag that sent it to the comité especial) gets the
  population that now does: 14, «servidores públicos a cargo de la política de DDHH y
  paz». The flag did not say whether the person still served, so a former servant
  (population 15) must be corrected in the registry;
* each committee takes the name the shipped catalogue gives it (the comité especial is
  now the CERREM de servidores y exservidores públicos).

The new compositions themselves (Decreto 1139 de 2021), the names the older compositions
bore and populations 14 and 15 are added right after, when the database is opened, by
the same code that loads the catalogue into every database
(:func:`comite.services.catalog_admin.sync_catalog`); scheduled sessions with nothing recorded
about their attendance then move to the composition in force on their day
(:func:`comite.services.catalog_admin.recompose_scheduled_sessions`, as ``catalog-import``
does). Doing it there, with the program's own model, keeps a single way of copying the
catalogue; this revision only does what that code never does (rename, map, backfill).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

SERVANTS_POPULATION = 14  # art. 2.4.1.2.6, num. 14 (populations.toml)


def _shipped_catalog():
    from comite.catalog.loader import load_catalog

    return load_catalog()


def upgrade() -> None:
    with op.batch_alter_table('composition') as batch:
        batch.add_column(sa.Column('name', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('short_name', sa.String(length=80), nullable=True))
        batch.add_column(sa.Column('resolution_template', sa.String(length=80), nullable=True))
    with op.batch_alter_table('population') as batch:
        batch.add_column(sa.Column('committee_code', sa.String(length=40), nullable=True))
    with op.batch_alter_table('committee_session') as batch:
        batch.add_column(sa.Column('modality', sa.String(length=20), server_default='presencial', nullable=False))
    with op.batch_alter_table('case_file') as batch:
        batch.add_column(sa.Column('analyst_gender', sa.String(length=20), nullable=True))
    with op.batch_alter_table('decision') as batch:
        batch.add_column(sa.Column('matrix_departure_reason', sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column('level_change_reason', sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column('emergency_disposition', sa.String(length=20), nullable=True))
        batch.add_column(sa.Column('emergency_note', sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column('concertation_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('concertation_with', sa.LargeBinary(), nullable=True))
    with op.batch_alter_table('measure_decision') as batch:
        batch.add_column(sa.Column('competent_entity', sa.String(length=250), nullable=True))

    bind = op.get_bind()
    bind.execute(sa.text(
        "UPDATE committee_session SET modality = CASE "
        "WHEN place IS NOT NULL AND place <> '' AND virtual_link IS NOT NULL AND virtual_link <> '' THEN 'mixta' "
        "WHEN virtual_link IS NOT NULL AND virtual_link <> '' THEN 'virtual' ELSE 'presencial' END"
    ))
    catalog = _shipped_catalog()
    servants = next(p for p in catalog.populations if p.number == SERVANTS_POPULATION)
    bind.execute(sa.text("UPDATE case_file SET population_code = :code WHERE public_servant = :yes"),
                 {"code": servants.code, "yes": True})
    for committee in catalog.committees:
        bind.execute(sa.text("UPDATE committee SET name = :name, short_name = :short WHERE code = :code"),
                     {"name": committee.name, "short": committee.short_name, "code": committee.code})
    _drop_public_servant(bind)


def _drop_public_servant(bind) -> None:
    if bind.dialect.name == "sqlite":
        # SQLite (3.35+) drops the column in place. A batch rebuild would copy the table,
        # DROP the original and rename the copy: with foreign keys on, that DROP deletes
        # the rows of every table that cascades from case_file (family, handoffs...).
        bind.execute(sa.text("ALTER TABLE case_file DROP COLUMN public_servant"))
    else:
        op.drop_column('case_file', 'public_servant')


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        bind.execute(sa.text("ALTER TABLE case_file ADD COLUMN public_servant BOOLEAN NOT NULL DEFAULT 0"))
    else:
        op.add_column('case_file', sa.Column('public_servant', sa.Boolean(), server_default=sa.false(),
                                             nullable=False))
    codes = [p.code for p in _shipped_catalog().populations if p.committee]
    if codes:
        bind.execute(sa.text("UPDATE case_file SET public_servant = :yes WHERE population_code IN :codes")
                     .bindparams(sa.bindparam("codes", expanding=True)), {"yes": True, "codes": codes})
    drops = {
        'measure_decision': ('competent_entity',),
        'decision': ('concertation_with', 'concertation_on', 'emergency_note', 'emergency_disposition',
                     'level_change_reason', 'matrix_departure_reason'),
        'case_file': ('analyst_gender',),
        'committee_session': ('modality',),
        'population': ('committee_code',),
        'composition': ('resolution_template', 'short_name', 'name'),
    }
    for table, columns in drops.items():
        for column in columns:
            if bind.dialect.name == "sqlite":  # in place, for the reason given in upgrade()
                bind.execute(sa.text(f'ALTER TABLE "{table}" DROP COLUMN "{column}"'))
            else:
                op.drop_column(table, column)
