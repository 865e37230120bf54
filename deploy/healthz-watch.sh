#!/bin/sh
# Take a server out of nginx's upstream while its /healthz says 503 (starting, rebuilding
# its index, or behind the change log), and put it back when it says 200. Run it on the
# nginx machine from a systemd timer or cron each minute; it edits the `down` flag of
# each `server` line of deploy/nginx.conf's upstream and reloads nginx when one changed.
set -eu
CONF=${CONF:-/etc/nginx/conf.d/directory.conf}
changed=0
for address in $(sed -n 's/^ *server \([0-9.]*:[0-9]*\).*/\1/p' "$CONF"); do
    marked=0
    grep -q "server $address.* down;" "$CONF" && marked=1
    if curl -fsS --max-time 3 "http://$address/healthz" >/dev/null; then
        [ "$marked" = 1 ] && sed -i "s/^\( *server $address[^;]*\) down;/\1;/" "$CONF" \
            && changed=1
    elif [ "$marked" = 0 ]; then
        sed -i "s/^\( *server $address[^;]*\);/\1 down;/" "$CONF" && changed=1
    fi
done
[ "$changed" = 1 ] && nginx -t -q && nginx -s reload || true
