#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and media folder.
# Usage: DATABASE_URL=postgres://user:pass@host:5432/hdnd_new MEDIA_ROOT=var/media scripts/restore.sh backups/20261128-230000
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the (empty) database to restore into}"
source="${1:?give the backup directory}"
media="${MEDIA_ROOT:-var/media}"
( cd "$source" && sha256sum --check --quiet SHA256SUMS )
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$source/database.dump"
if [ -f "$source/media.tar.gz" ]; then
  mkdir -p "$media"
  tar -C "$media" -xzf "$source/media.tar.gz"
fi
echo "restored $source"
