#!/bin/sh
# Runs once, when the data directory is empty: one database and one owner role per service.
# The passwords come from the services' own Secrets (actors-db, events-db, agreements-db).
set -eu
for service in ACTORS EVENTS AGREEMENTS; do
  eval "user=\${${service}_DB_USER}"
  eval "password=\${${service}_DB_PASSWORD}"
  database=$(echo "$service" | tr 'A-Z' 'a-z')
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v user="$user" -v password="$password" -v database="$database" <<'SQL'
CREATE ROLE :"user" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"user";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
done
