#!/usr/bin/env bash
# Installs (if missing) and starts a private ClickHouse server for Wayline's analytics tests.
# Idempotent: when a server already answers on the port, it only prints the URL.
# Usage: scripts/ci/clickhouse.sh [DATA_DIR]   (env: CLICKHOUSE_HTTP_PORT=18123, CLICKHOUSE_TCP_PORT=19000)
# Prints the HTTP URL (export it as CLICKHOUSE_URL) as its last line.
set -euo pipefail

HTTP_PORT="${CLICKHOUSE_HTTP_PORT:-18123}"
TCP_PORT="${CLICKHOUSE_TCP_PORT:-19000}"
DATA_DIR="${1:-/tmp/wayline-clickhouse}"
URL="http://127.0.0.1:${HTTP_PORT}"

answers() { curl -fsS --max-time 2 "${URL}/?query=SELECT%201" 2>/dev/null | grep -q '^1$'; }

if answers; then
  echo "clickhouse already running" >&2
  echo "$URL"
  exit 0
fi

if ! command -v clickhouse-server >/dev/null 2>&1; then
  echo "installing clickhouse-server (Debian package)" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y clickhouse-server >&2 || { $SUDO apt-get update >&2 && $SUDO apt-get install -y clickhouse-server >&2; }
fi

mkdir -p "$DATA_DIR"/{data,tmp,user_files,format_schemas,log}
cat > "$DATA_DIR/users.xml" <<XML
<yandex>
  <profiles><default><max_memory_usage>8000000000</max_memory_usage></default></profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
cat > "$DATA_DIR/config.xml" <<XML
<yandex>
  <logger><level>warning</level><log>$DATA_DIR/log/server.log</log><errorlog>$DATA_DIR/log/error.log</errorlog><size>10M</size><count>2</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$HTTP_PORT</http_port>
  <tcp_port>$TCP_PORT</tcp_port>
  <max_connections>256</max_connections>
  <keep_alive_timeout>10</keep_alive_timeout>
  <path>$DATA_DIR/data/</path>
  <tmp_path>$DATA_DIR/tmp/</tmp_path>
  <user_files_path>$DATA_DIR/user_files/</user_files_path>
  <format_schema_path>$DATA_DIR/format_schemas/</format_schema_path>
  <users_config>$DATA_DIR/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>536870912</mark_cache_size>
  <timezone>UTC</timezone>
</yandex>
XML

echo "starting clickhouse-server on $URL (data in $DATA_DIR)" >&2
nohup clickhouse-server --config-file="$DATA_DIR/config.xml" --pid-file="$DATA_DIR/clickhouse.pid" \
  >"$DATA_DIR/log/stdout.log" 2>&1 &

for _ in $(seq 1 60); do
  if answers; then echo "$URL"; exit 0; fi
  sleep 0.5
done
echo "clickhouse-server did not answer on $URL within 30s; see $DATA_DIR/log/" >&2
tail -20 "$DATA_DIR/log/error.log" "$DATA_DIR/log/stdout.log" >&2 2>/dev/null || true
exit 1
