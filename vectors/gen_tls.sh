#!/usr/bin/env bash
# gen_tls.sh -- regenerates the certificates and keys of the end-to-end TLS
# tests (tests/e2e/run.sh) with the openssl command-line tool.
#
# Output (all committed): vectors/tls/*.pem (certificates and chains, leaf
# first), vectors/tls/*.key (PEM private keys for openssl s_server,
# gnutls-serv and python's ssl module) and vectors/tls/*.key.der (the same
# keys in DER, for the BearSSL test server).
#
# Every "valid" certificate is valid from 2025-06-01 to 2040-01-01 (roots
# 2024-01-01 .. 2049-12-31), so the tests keep using the real clock for years.
# Keys are created only when missing; everything else is rewritten.
#
# Usage: bash vectors/gen_tls.sh        Needs: openssl 3.x
set -euo pipefail
export LC_ALL=C

V="$(cd "$(dirname "$0")" && pwd)/tls"
W="$(mktemp -d)"
trap 'rm -rf "$W"' EXIT
mkdir -p "$V"

newkey() { # name rsa2048|p256
    local f="$V/$1.key"
    if [ ! -f "$f" ]; then
        case "$2" in
        rsa2048) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$f" ;;
        p256) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
            -pkeyopt ec_param_enc:named_curve -out "$f" ;;
        esac 2>/dev/null
    fi
    openssl pkey -in "$f" -outform DER -out "$V/$1.key.der"
}

newkey root rsa2048
newkey int rsa2048
newkey sub rsa2048
newkey other rsa2048
newkey av-root rsa2048
newkey server rsa2048
newkey server-ec p256
newkey client rsa2048

CA_EXT="basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash"
INT_EXT="$CA_EXT
authorityKeyIdentifier=keyid:always"
LEAF_BASE="basicConstraints=critical,CA:FALSE
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always"
server_ext() { # SAN -> server leaf extensions (RSA: signature and key transport)
    printf '%s\nkeyUsage=critical,digitalSignature,keyEncipherment\n' "$LEAF_BASE"
    printf 'extendedKeyUsage=serverAuth\nsubjectAltName=%s' "$1"
}
server_ec_ext() { # SAN -> EC server leaf extensions
    printf '%s\nkeyUsage=critical,digitalSignature\n' "$LEAF_BASE"
    printf 'extendedKeyUsage=serverAuth\nsubjectAltName=%s' "$1"
}

# mk ID KEY SUBJECT ISSUER_ID|self ISSUER_KEY SERIAL START END EXT
# Issues $V/ID.pem with `openssl ca` (explicit start and end dates).
mk() {
    local id=$1 key=$2 subj=$3 iss=$4 ikey=$5 serial=$6 start=$7 end=$8 ext=$9
    local d="$W/db.$id"
    mkdir "$d"
    : >"$d/index.txt"
    printf 'unique_subject = no\n' >"$d/index.txt.attr"
    printf '%s\n' "$serial" >"$d/serial"
    cat >"$d/ca.cnf" <<CNF
[ca]
default_ca = d
[d]
database = $d/index.txt
new_certs_dir = $d
serial = $d/serial
policy = pol
default_md = sha256
unique_subject = no
[pol]
commonName = optional
CNF
    printf '[x]\n%s\n' "$ext" >"$d/ext.cnf"
    openssl req -new -key "$V/$key.key" -subj "$subj" -out "$d/req.pem" 2>"$d/log"
    local args=(-batch -config "$d/ca.cnf" -in "$d/req.pem" -out "$d/out.pem" -notext
        -preserveDN -startdate "$start" -enddate "$end" -extfile "$d/ext.cnf" -extensions x)
    if [ "$iss" = self ]; then
        args+=(-selfsign -keyfile "$V/$key.key")
    else
        args+=(-cert "$V/$iss.pem" -keyfile "$V/$ikey.key")
    fi
    if ! openssl ca "${args[@]}" >>"$d/log" 2>&1; then
        cat "$d/log" >&2
        echo "gen_tls.sh: issuing $id failed" >&2
        exit 1
    fi
    openssl x509 -in "$d/out.pem" -out "$V/$id.pem"
}
cat_pem() { # OUTFILE ID...
    local out=$1
    shift
    : >"$out"
    for id in "$@"; do
        cat "$V/$id.pem" >>"$out"
    done
}

S=20250601000000Z
E=20400101000000Z
RS=20240101000000Z
RE=20491231235959Z

# CAs: root -> int -> sub; an unrelated CA; an interception root.
mk root root "/O=xcv tests/CN=XCV TLS Test Root" self root 1000 $RS $RE "$CA_EXT"
mk int int "/O=xcv tests/CN=XCV TLS Test Intermediate" root root 1001 $RS $RE "$INT_EXT"
mk sub sub "/O=xcv tests/CN=XCV TLS Test Sub CA" int int 1002 $RS $RE "$INT_EXT"
mk other other "/O=elsewhere/CN=Unrelated CA" self other 1003 $RS $RE "$CA_EXT"
mk av-root av-root "/O=Mail Shield Antivirus/CN=Mail Shield Interception Root" self av-root 1004 \
    $RS $RE "$CA_EXT"

# Server leaves (subject CN = the first DNS name).
mk server server "/CN=server.xcv.test" int int 2000 $S $E \
    "$(server_ext DNS:server.xcv.test,DNS:mail.xcv.test)"
mk deep server "/CN=deep.xcv.test" sub sub 2001 $S $E "$(server_ext DNS:deep.xcv.test)"
mk av-server server "/CN=server.xcv.test" av-root av-root 2002 $S $E \
    "$(server_ext DNS:server.xcv.test,DNS:mail.xcv.test)"
mk dnsonly server "/CN=server.xcv.test" int int 2003 $S $E "$(server_ext DNS:server.xcv.test)"
mk ip server-ec "/CN=ip.xcv.test" int int 2004 $S $E \
    "$(server_ec_ext DNS:ip.xcv.test,IP:127.0.0.1)"
mk expired server "/CN=server.xcv.test" int int 2005 20200101000000Z 20210101000000Z \
    "$(server_ext DNS:server.xcv.test)"
mk future server "/CN=server.xcv.test" int int 2006 20450101000000Z 20460101000000Z \
    "$(server_ext DNS:server.xcv.test)"
mk localhost server "/CN=localhost" self server 2007 $S $E \
    "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1"

# Client certificates for the BearSSL server (client authentication).
mk client-ok client "/CN=alice client" int int 3000 $S $E \
    "$LEAF_BASE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth"
mk client-serveronly client "/CN=mallory server-only" int int 3001 $S $E \
    "$LEAF_BASE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth"

# Chains as the servers send them (leaf first; the root is never sent).
cat_pem "$V/server-chain.pem" server int
cat_pem "$V/deep-chain.pem" deep sub int
# For `s_server -cert deep.pem -cert_chain deep-extra.pem`: out of order
# (int before sub) with an unrelated certificate in between.
cat_pem "$V/deep-extra.pem" int other sub
cat_pem "$V/av-chain.pem" av-server
cat_pem "$V/dnsonly-chain.pem" dnsonly int
cat_pem "$V/ip-chain.pem" ip int
cat_pem "$V/expired-chain.pem" expired int
cat_pem "$V/future-chain.pem" future int
cat_pem "$V/client-ok-chain.pem" client-ok int
cat_pem "$V/client-serveronly-chain.pem" client-serveronly int
echo "gen_tls.sh: wrote $(ls "$V" | wc -l) files to $V"
