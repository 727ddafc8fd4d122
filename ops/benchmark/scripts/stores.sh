# shellcheck shell=bash
# shellcheck disable=SC2154  # $work and $report are set by the sourcing script
# Sourced by ops/bin/benchmark-limits and ops/bin/benchmark-throughput: free ports, a private PostgreSQL 15
# and Redis for one run, and their cleanup. Expects $work (the run's folder) and $report to be set.
pg_bin=/usr/lib/postgresql/15/bin
[[ -x $pg_bin/postgres ]] || { echo "benchmark: no PostgreSQL 15 in $pg_bin (apt-get install postgresql-15)" >&2; exit 3; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
say() { echo "$*" | tee -a "$report"; }

# start_stores: PostgreSQL 15 and Redis on free ports, fresh data; sets pg_port, redis_port, redis_pid
start_stores() {
  pg_port=$(free_port) redis_port=$(free_port)
  mkdir -p "$work/pg" && chown postgres "$work/pg" "$work"
  runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  local redis_jar redis_binary=redis-server-6.2.6-v5-linux-amd64
  redis_jar=$(find ~/.m2/repository/com/github/codemonstur/embedded-redis -name 'embedded-redis-*.jar' | sort | tail -1)
  (cd "$work" && unzip -o -q "$redis_jar" "$redis_binary" && chmod +x "$redis_binary")
  "$work/$redis_binary" --port "$redis_port" --bind 127.0.0.1 --save '' >"$work/redis.log" 2>&1 &
  redis_pid=$!
}

stop_stores() {
  if [[ -n ${redis_pid:-} ]]; then kill "$redis_pid" 2>/dev/null || true; fi
  if [[ -d $work/pg ]]; then runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; fi
}

sql() { psql -q -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }

# 200 more products, so that a page of 100 is a full one (37 kB); run after catalog migrated its schema
add_bench_products() {
  sql catalog -c "insert into product (sku, name, description, price_amount_minor, currency, stock, image_url, version, created_at, updated_at)
    select 'BENCH-' || g, 'Bench product ' || g, repeat('A sturdy thing for testing. ', 8), 1000 + g, 'EUR', 100000000, null, 0, now(), now()
    from generate_series(1, 200) g"
}
