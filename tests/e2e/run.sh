#!/usr/bin/env bash
# tests/e2e/run.sh -- end-to-end TLS tests of xcv (ctest label e2e).
#
# usage: run.sh XCV_TLS BEARSSL_SERVER VECTORS_TLS_DIR
#
# Starts real TLS servers on 127.0.0.1 -- openssl s_server, gnutls-serv,
# python3 ssl STARTTLS servers (tests/e2e/starttls_server.py) and a BearSSL
# server verifying client certificates with the xcv adapter
# (tests/e2e/bearssl_server.c) -- with the certificates of vectors/gen_tls.sh,
# and checks the handshake outcome and the xcv verdict of each case.
#
# Ports: servers that can bind port 0 write the port they got to a file; for
# s_server and gnutls-serv a free port is picked and the start is retried on
# a collision. Every server runs under `timeout 60` and is killed when its
# case ends and on exit (trap). Only loopback addresses are used.
set -uo pipefail
export LC_ALL=C

TLS=$(realpath "$1")
BSRV=$(realpath "$2")
V=$(realpath "$3")
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d)
PIDS=()
SPID=
PORT=

cleanup() {
    local p
    for p in "${PIDS[@]}"; do
        kill "$p" 2>/dev/null
    done
    for p in "${PIDS[@]}"; do
        wait "$p" 2>/dev/null
    done
    rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Debian's interpreter when present (a pyenv shim costs seconds per start).
PY=python3
if [ -x /usr/bin/python3 ]; then
    PY=/usr/bin/python3
fi

for tool in openssl gnutls-serv "$PY" timeout; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "e2e: $tool is missing (scripts/deps installs it)" >&2
        exit 1
    fi
done

pass=0
fail=0
failed=()

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_log FILE PATTERN PID: until FILE matches PATTERN (5 s), 1 if PID died.
wait_log() {
    local i
    for i in $(seq 50); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        kill -0 "$3" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# wait_file FILE PID: until FILE exists (5 s).
wait_file() {
    local i
    for i in $(seq 50); do
        [ -s "$1" ] && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

stop_server() {
    if [ -n "$SPID" ]; then
        kill "$SPID" 2>/dev/null
        wait "$SPID" 2>/dev/null
        SPID=
    fi
}

# start_openssl NAME s_server-args...: sets PORT and SPID.
start_openssl() {
    local name=$1 try
    shift
    for try in 1 2 3; do
        PORT=$(free_port)
        (cd "$V" && exec timeout 60 openssl s_server -accept "127.0.0.1:$PORT" -www "$@") \
            </dev/null >"$W/$name.server.log" 2>&1 &
        SPID=$!
        PIDS+=("$SPID")
        if wait_log "$W/$name.server.log" ACCEPT "$SPID"; then
            return 0
        fi
        stop_server
    done
    echo "e2e: cannot start openssl s_server for $name:" >&2
    cat "$W/$name.server.log" >&2
    return 1
}

# start_gnutls NAME CHAIN KEY: sets PORT and SPID.
start_gnutls() {
    local name=$1 try
    for try in 1 2 3; do
        PORT=$(free_port)
        (cd "$V" && exec timeout 60 gnutls-serv --port "$PORT" --x509certfile "$2" \
            --x509keyfile "$3") </dev/null >"$W/$name.server.log" 2>&1 &
        SPID=$!
        PIDS+=("$SPID")
        if wait_log "$W/$name.server.log" "listening" "$SPID"; then
            sleep 0.2
            return 0
        fi
        stop_server
    done
    echo "e2e: cannot start gnutls-serv for $name:" >&2
    cat "$W/$name.server.log" >&2
    return 1
}

# start_starttls NAME PROTO NCONN: python3 server; sets PORT and SPID.
start_starttls() {
    local name=$1
    rm -f "$W/$name.port"
    (cd "$V" && exec timeout 60 "$PY" "$HERE/starttls_server.py" "$2" server-chain.pem \
        server.key "$W/$name.port" "$3") </dev/null >"$W/$name.server.log" 2>&1 &
    SPID=$!
    PIDS+=("$SPID")
    if ! wait_file "$W/$name.port" "$SPID"; then
        echo "e2e: cannot start the $2 server:" >&2
        cat "$W/$name.server.log" >&2
        return 1
    fi
    PORT=$(cat "$W/$name.port")
}

# expect NAME EXIT PATTERN... -- xcv-tls ARGS: runs xcv-tls (15 s limit),
# checks its exit status and that every PATTERN (grep -E) is in its output.
expect() {
    local name=$1 want=$2
    shift 2
    local pats=()
    while [ "$1" != "--" ]; do
        pats+=("$1")
        shift
    done
    shift
    local out="$W/$name.out" rc ok=1 p
    (cd "$V" && exec timeout 15 "$TLS" "$@") >"$out" 2>&1
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        ok=0
        echo "  $name: exit status $rc, expected $want" >>"$out.why"
    fi
    for p in "${pats[@]}"; do
        if ! grep -Eq -- "$p" "$out"; then
            ok=0
            echo "  $name: output lacks /$p/" >>"$out.why"
        fi
    done
    if [ "$ok" -eq 1 ]; then
        pass=$((pass + 1))
        echo "PASS $name"
    else
        fail=$((fail + 1))
        failed+=("$name")
        echo "FAIL $name"
        cat "$out.why"
        echo "  command: xcv-tls $*"
        sed 's/^/  | /' "$out"
    fi
}

# record NAME OK(0/1) DETAIL: a check done outside expect.
record() {
    if [ "$2" -eq 1 ]; then
        pass=$((pass + 1))
        echo "PASS $1"
    else
        fail=$((fail + 1))
        failed+=("$1")
        echo "FAIL $1: $3"
    fi
}

A=(--anchors root.pem)
VALID='^verdict: VALID XCV_OK'

# 1. Valid chain, root not sent (gnutls-serv and openssl s_server).
if start_gnutls gnutls server-chain.pem server.key; then
    expect 01-valid-gnutls 0 "$VALID" 'Received 2 certificates' \
        -- "server.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}"
    stop_server
else
    record 01-valid-gnutls 0 "server did not start"
fi
if start_openssl valid -cert server.pem -key server.key -cert_chain int.pem; then
    expect 01-valid-openssl 0 "$VALID" 'Received 2 certificates' \
        '\[0\] <- \[1\] <- trust anchor "O=xcv tests, CN=XCV TLS Test Root"' \
        -- "server.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}"
    # 6. Host name with a trailing dot.
    expect 06-trailing-dot 0 "$VALID" \
        -- "server.xcv.test.:$PORT" --connect 127.0.0.1 "${A[@]}"
    # Another name of the certificate; a name it does not list.
    expect 06-other-san 0 "$VALID" -- "mail.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}"
    expect 06-wrong-name 1 '^verdict: REJECTED XCV_ERR_NAME_MISMATCH cert=0' \
        -- "pop.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}"
    # The system bundle does not trust the test root.
    if [ -r /etc/ssl/certs/ca-certificates.crt ]; then
        expect 01-system-untrusted 1 '^verdict: REJECTED XCV_ERR_UNKNOWN_ISSUER cert=1' \
            -- "server.xcv.test:$PORT" --connect 127.0.0.1 --system
    fi
    stop_server
else
    record 01-valid-openssl 0 "server did not start"
fi

# 2. Out of order, with an extra unrelated certificate: sent as
#    deep, int, other, sub (the path is deep -> sub -> int -> root).
if start_openssl ooo -cert deep.pem -key server.key -cert_chain deep-extra.pem; then
    expect 02-out-of-order 0 "$VALID" 'Received 4 certificates' \
        '\[0\] <- \[3\] <- \[1\] <- trust anchor' '\[2\] owner: +O=elsewhere, CN=Unrelated CA' \
        -- "deep.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}"
    stop_server
else
    record 02-out-of-order 0 "server did not start"
fi

# 3. Intermediate missing.
if start_openssl noint -cert server.pem -key server.key; then
    expect 03-missing-intermediate 1 \
        '^verdict: REJECTED XCV_ERR_UNKNOWN_ISSUER cert=0' 'Received 1 certificate ' \
        'nobody trusts the issuer "O=xcv tests, CN=XCV TLS Test Intermediate"' \
        -- "server.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}"
    stop_server
else
    record 03-missing-intermediate 0 "server did not start"
fi

# 4. Interception-style root (a local CA re-signing the server).
if start_openssl av -cert av-server.pem -key server.key; then
    expect 04-interception-untrusted 1 \
        '^verdict: REJECTED XCV_ERR_UNKNOWN_ISSUER cert=0' \
        'nobody trusts the issuer "O=Mail Shield Antivirus, CN=Mail Shield Interception Root"' \
        'Likely cause: TLS interception' \
        -- "server.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}"
    expect 04-interception-trusted 0 "$VALID" 'trust anchor "O=Mail Shield Antivirus' \
        -- "server.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}" --anchors av-root.pem
    stop_server
else
    record 04-interception 0 "server did not start"
fi

# 5. Connected by IP: a DNS-only certificate fails
#    with the IP rule explained; a certificate with the IP SAN (EC key) passes.
if start_openssl dnsonly -cert dnsonly.pem -key server.key -cert_chain int.pem; then
    expect 05-ip-dns-only 1 '^verdict: REJECTED XCV_ERR_NAME_MISMATCH cert=0' \
        'you connected by IP address, and the certificate has no IP address names' \
        'IP rule: an IP address matches only an iPAddress' 'connect by host name \(server.xcv.test\)' \
        -- "127.0.0.1:$PORT" "${A[@]}"
    # The same server reached by its name is fine.
    expect 05-dns-by-name 0 "$VALID" -- "server.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}"
    stop_server
else
    record 05-ip-dns-only 0 "server did not start"
fi
if start_openssl ipsan -cert ip.pem -key server-ec.key -cert_chain int.pem; then
    expect 05-ip-san 0 "$VALID" 'IP address 127.0.0.1' 'key: +EC P-256' \
        -- "127.0.0.1:$PORT" "${A[@]}"
    expect 05-ip-option 0 "$VALID" -- "ip.xcv.test:$PORT" --connect 127.0.0.1 --ip 127.0.0.1 "${A[@]}"
    stop_server
else
    record 05-ip-san 0 "server did not start"
fi

# 7. Expired and not-yet-valid server certificates.
if start_openssl expired -cert expired.pem -key server.key -cert_chain int.pem; then
    expect 07-expired 1 '^verdict: REJECTED XCV_ERR_EXPIRED cert=0' 'expired on 2021-01-01T00:00:00Z' \
        -- "server.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}"
    stop_server
else
    record 07-expired 0 "server did not start"
fi
if start_openssl future -cert future.pem -key server.key -cert_chain int.pem; then
    expect 07-not-yet-valid 1 '^verdict: REJECTED XCV_ERR_NOT_YET_VALID cert=0' \
        'not valid until 2045-01-01T00:00:00Z' 'check the system clock' \
        -- "server.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}"
    expect 07-future-with-time 0 "$VALID" \
        -- "server.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}" --time 2045-06-01T00:00:00Z
    stop_server
else
    record 07-not-yet-valid 0 "server did not start"
fi

# 8. Self-signed localhost certificate: unknown issuer; pinned: valid.
if start_openssl self -cert localhost.pem -key server.key; then
    pin=$(openssl x509 -in "$V/localhost.pem" -outform DER | sha256sum | cut -d' ' -f1)
    expect 08-self-signed 1 '^verdict: REJECTED XCV_ERR_UNKNOWN_ISSUER cert=0' 'is self-signed' \
        "--pin sha256:$pin" \
        -- "localhost:$PORT" --connect 127.0.0.1 "${A[@]}"
    expect 08-pinned 0 "$VALID" "pinned exception sha256:$pin" \
        -- "localhost:$PORT" --connect 127.0.0.1 --pin "sha256:$pin"
    expect 08-pinned-by-ip 0 "$VALID" -- "127.0.0.1:$PORT" --pin "sha256:$pin"
    expect 08-wrong-pin 1 '^verdict: REJECTED XCV_ERR_UNKNOWN_ISSUER cert=0' \
        -- "localhost:$PORT" --connect 127.0.0.1 --pin "sha256:$(printf '%064d' 0)"
    stop_server
else
    record 08-self-signed 0 "server did not start"
fi

# 9. STARTTLS: SMTP, IMAP and POP3 servers in python3.
for proto in smtp imap pop3; do
    if start_starttls "st-$proto" "$proto" 1; then
        expect "09-starttls-$proto" 0 "$VALID" "starttls: $proto" \
            -- "mail.xcv.test:$PORT" --connect 127.0.0.1 --starttls "$proto" "${A[@]}"
        wait_log "$W/st-$proto.server.log" "TLS established" "$SPID"
        record "09-starttls-$proto-server" "$(grep -q 'TLS established' "$W/st-$proto.server.log" && echo 1 || echo 0)" \
            "server log: $(cat "$W/st-$proto.server.log")"
        stop_server
    else
        record "09-starttls-$proto" 0 "server did not start"
    fi
done

# 10. Client certificates on a BearSSL server using the adapter: clientAuth
#     accepted, serverAuth-only rejected (XCV_ERR_EKU_NOT_ALLOWED).
rm -f "$W/bssl.port"
timeout 60 "$BSRV" "$W/bssl.port" "$V/server-chain.pem" "$V/server.key.der" "$V/root.pem" 3 \
    </dev/null >"$W/bssl.server.log" 2>&1 &
SPID=$!
PIDS+=("$SPID")
if wait_file "$W/bssl.port" "$SPID"; then
    PORT=$(cat "$W/bssl.port")
    client() { # CERT-CHAIN-FILE LEAF
        (cd "$V" && echo | timeout 15 openssl s_client -connect "127.0.0.1:$PORT" \
            -cert "$1" -key client.key -cert_chain int.pem -verify_quiet -ign_eof) \
            >"$W/bssl.client.$1.log" 2>&1
    }
    client client-ok.pem
    client client-serveronly.pem
    (cd "$V" && echo | timeout 15 openssl s_client -connect "127.0.0.1:$PORT" -ign_eof) \
        >"$W/bssl.client.none.log" 2>&1
    wait_log "$W/bssl.server.log" "conn 3:" "$SPID"
    log=$(cat "$W/bssl.server.log")
    record 10-client-auth-accepted \
        "$(grep -q '^conn 1: handshake ok br_err=0 verdict=XCV_OK' "$W/bssl.server.log" &&
            grep -q 'hello, verified client' "$W/bssl.client.client-ok.pem.log" && echo 1 || echo 0)" \
        "server log: $log; client: $(tail -3 "$W/bssl.client.client-ok.pem.log")"
    record 10-client-auth-serveronly-rejected \
        "$(grep -q '^conn 2: handshake failed br_err=59 verdict=XCV_ERR_EKU_NOT_ALLOWED cert=0' \
            "$W/bssl.server.log" && ! grep -q 'hello, verified client' \
            "$W/bssl.client.client-serveronly.pem.log" && echo 1 || echo 0)" \
        "server log: $log"
    record 10-client-auth-missing-rejected \
        "$(grep -q '^conn 3: handshake failed' "$W/bssl.server.log" && echo 1 || echo 0)" \
        "server log: $log"
    stop_server
else
    record 10-client-auth 0 "bearssl server did not start: $(cat "$W/bssl.server.log")"
fi

# Network error: nothing listens on the port -> exit 2.
PORT=$(free_port)
expect 11-connection-refused 2 'cannot connect' -- "server.xcv.test:$PORT" --connect 127.0.0.1 "${A[@]}"
# Usage errors -> exit 2.
expect 11-usage 2 'usage' -- --anchors root.pem
expect 11-bad-pin 2 'pin' -- "localhost:1" --pin sha256:1234

echo
if [ "$fail" -ne 0 ]; then
    echo "failed: ${failed[*]}"
fi
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
