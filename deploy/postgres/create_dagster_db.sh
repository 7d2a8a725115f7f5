#!/usr/bin/env bash
# Creates the Dagster role and database on a PostgreSQL server (Debian: apt-get install postgresql),
# with the password from the environment: run as root, with the service environment loaded:
#   set -a; . /etc/gemeentefinancien/env; set +a; deploy/postgres/create_dagster_db.sh
# Dagster creates its tables itself on first start (run, event log and schedule storage).
set -euo pipefail
: "${DAGSTER_PG_USER:?}" "${DAGSTER_PG_PASSWORD:?}" "${DAGSTER_PG_DB:?}"
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -v user="$DAGSTER_PG_USER" -v password="$DAGSTER_PG_PASSWORD" \
  -v db="$DAGSTER_PG_DB" <<'SQL'
select format('create role %I login password %L', :'user', :'password')
 where not exists (select from pg_roles where rolname = :'user') \gexec
select format('create database %I owner %I', :'db', :'user')
 where not exists (select from pg_database where datname = :'db') \gexec
SQL
