#!/usr/bin/env bash
# Back up the database (pg_dump custom format) and the media folder into one dated directory.
# Usage: DATABASE_URL=postgres://user:pass@host:5432/hdnd MEDIA_ROOT=var/media scripts/backup.sh [target-dir]
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
media="${MEDIA_ROOT:-var/media}"
target="${1:-backups/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$target"
pg_dump --format=custom --no-owner --no-privileges --file="$target/database.dump" "$DATABASE_URL"
if [ -d "$media" ]; then
  tar -C "$media" -czf "$target/media.tar.gz" .
fi
( cd "$target" && sha256sum ./* > SHA256SUMS )
echo "$target"
