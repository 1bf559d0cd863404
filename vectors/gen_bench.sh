#!/usr/bin/env bash
# gen_bench.sh -- regenerates the benchmark chains of xcv (bench/) with the
# openssl command-line tool (OpenSSL 3.0: fixed dates through `openssl ca
# -startdate/-enddate` from a throwaway CA database).
#
# Output (all committed), DER, one certificate per file:
#   vectors/bench/rsa/{root,int,leaf}.der    RSA-2048 x3, sha256WithRSAEncryption
#   vectors/bench/ecdsa/{root,int,leaf}.der  P-256 x3, ecdsa-with-SHA256
#   vectors/bench/mixed/{root,int,leaf}.der  RSA-4096 root -(sha256WithRSA)->
#                                            P-384 intermediate -(ecdsa-with-SHA384)->
#                                            P-256 leaf
#   vectors/bench/hostile/root.der           anchor "CN=Hostile CA" whose key signs nothing
#   vectors/bench/hostile/leaf.der           leaf issued by "CN=Hostile CA" (key h0)
#   vectors/bench/hostile/int00..29.der      30 self-issued CAs, all "CN=Hostile CA",
#                                            no AKI/SKI; int i has key h(i%5) and is
#                                            signed by h((i+1)%5): every name matches,
#                                            one in five signatures verifies, and the
#                                            keys cross-sign each other in a cycle, so a
#                                            path builder finds no path and must stop
#                                            on its budgets.
#
# Leaves look like real server certificates: 10 dNSName SANs (the benchmark
# host www.bench.example is the 7th), serverAuth, AKI/SKI, AIA, CRL DP,
# certificatePolicies. Every certificate is valid 2025-01-01 .. 2035-01-01 so
# that libraries checking the real clock (mbedTLS, wolfSSL) accept them; the
# benchmark's fixed verification time is 2026-06-01T00:00:00Z.
#
# Keys live in vectors/bench/keys/*.key and are created only when missing.
# Usage: bash vectors/gen_bench.sh
set -euo pipefail
export LC_ALL=C

V="$(cd "$(dirname "$0")" && pwd)"
B="$V/bench"
K="$B/keys"
W="$(mktemp -d)"
trap 'rm -rf "$W"' EXIT
mkdir -p "$K" "$B/rsa" "$B/ecdsa" "$B/mixed" "$B/hostile"

newkey() { # name type(rsaN|p256|p384)
    local f="$K/$1.key"
    if [ -f "$f" ]; then
        return 0
    fi
    case "$2" in
    rsa*) openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:${2#rsa}" -out "$f" ;;
    p256 | p384)
        openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:P-${2#p}" \
            -pkeyopt ec_param_enc:named_curve -out "$f"
        ;;
    *)
        echo "unknown key type $2" >&2
        exit 1
        ;;
    esac 2>/dev/null
}

newkey rsa-root rsa2048
newkey rsa-int rsa2048
newkey rsa-leaf rsa2048
newkey ecdsa-root p256
newkey ecdsa-int p256
newkey ecdsa-leaf p256
newkey mixed-root rsa4096
newkey mixed-int p384
newkey mixed-leaf p256
newkey hostile-root p256
newkey hostile-leaf p256
for i in 0 1 2 3 4; do
    newkey "hostile-h$i" p256
done

START=20250101000000Z
END=20350101000000Z

ROOT_EXT="basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash"
INT_EXT="basicConstraints=critical,CA:TRUE,pathlen:0
keyUsage=critical,digitalSignature,keyCertSign,cRLSign
extendedKeyUsage=serverAuth,clientAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always
authorityInfoAccess=caIssuers;URI:http://ca.bench.example/root.der
crlDistributionPoints=URI:http://crl.bench.example/root.crl
certificatePolicies=2.23.140.1.2.1"
SANS="DNS:bench.example,DNS:api.bench.example,DNS:cdn.bench.example"
SANS="$SANS,DNS:*.static.bench.example,DNS:mail.bench.example,DNS:shop.bench.example"
SANS="$SANS,DNS:www.bench.example,DNS:m.bench.example,DNS:status.bench.example"
SANS="$SANS,DNS:www.bench-alt.example"
leaf_ext() { # keyUsage
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,%s\n' "$1"
    printf 'extendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\n'
    printf 'authorityKeyIdentifier=keyid:always\n'
    printf 'authorityInfoAccess=OCSP;URI:http://ocsp.bench.example,'
    printf 'caIssuers;URI:http://ca.bench.example/int.der\n'
    printf 'crlDistributionPoints=URI:http://crl.bench.example/int.crl\n'
    printf 'certificatePolicies=2.23.140.1.2.1\nsubjectAltName=%s\n' "$SANS"
}
HOSTILE_EXT="basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign"

# mk ID KEY SUBJECT ISSUER_ID|self ISSUER_KEY SERIAL_HEX EXT MD
# Issues $W/ID.pem with subject key KEY, signed by ISSUER_KEY under the
# subject of the already issued ISSUER_ID (or self-signed).
mk() {
    local id=$1 key=$2 subj=$3 iss=$4 ikey=$5 serial=$6 ext=$7 md=$8
    local d="$W/db.$id"
    mkdir "$d"
    : >"$d/index.txt"
    printf 'unique_subject = no\n' >"$d/index.txt.attr"
    printf '%s\n' "$serial" >"$d/serial"
    cat >"$d/ca.cnf" <<EOF
[ca]
default_ca = d
[d]
database = $d/index.txt
new_certs_dir = $d
serial = $d/serial
policy = pol
default_md = $md
unique_subject = no
[pol]
commonName = optional
EOF
    printf '[x]\n%s\n' "$ext" >"$d/ext.cnf"
    openssl req -new -key "$K/$key.key" -subj "$subj" -out "$d/req.pem" 2>"$d/log"
    local args=(-batch -config "$d/ca.cnf" -in "$d/req.pem" -out "$W/$id.pem" -notext
        -preserveDN -startdate "$START" -enddate "$END" -md "$md"
        -extfile "$d/ext.cnf" -extensions x)
    if [ "$iss" = self ]; then
        args+=(-selfsign -keyfile "$K/$key.key")
    else
        args+=(-cert "$W/$iss.pem" -keyfile "$K/$ikey.key")
    fi
    if ! openssl ca "${args[@]}" >>"$d/log" 2>&1; then
        cat "$d/log" >&2
        echo "gen_bench.sh: issuing $id failed" >&2
        exit 1
    fi
}
der() { # ID OUTFILE
    openssl x509 -in "$W/$1.pem" -outform DER -out "$2"
}

O="/C=XX/O=xcv bench"

# (a) RSA-2048 x3
mk rsa-root rsa-root "$O/CN=xcv Bench RSA Root" self - 1001 "$ROOT_EXT" sha256
mk rsa-int rsa-int "$O/CN=xcv Bench RSA Issuing CA 1" rsa-root rsa-root 1002 "$INT_EXT" sha256
mk rsa-leaf rsa-leaf "/CN=bench.example" rsa-int rsa-int 1003 \
    "$(leaf_ext digitalSignature,keyEncipherment)" sha256

# (b) P-256 x3
mk ecdsa-root ecdsa-root "$O/CN=xcv Bench ECDSA Root" self - 2001 "$ROOT_EXT" sha256
mk ecdsa-int ecdsa-int "$O/CN=xcv Bench ECDSA Issuing CA 1" ecdsa-root ecdsa-root 2002 \
    "$INT_EXT" sha256
mk ecdsa-leaf ecdsa-leaf "/CN=bench.example" ecdsa-int ecdsa-int 2003 \
    "$(leaf_ext digitalSignature)" sha256

# (c) RSA-4096 root -> P-384 intermediate -> P-256 leaf
mk mixed-root mixed-root "$O/CN=xcv Bench RSA-4096 Root" self - 3001 "$ROOT_EXT" sha256
mk mixed-int mixed-int "$O/CN=xcv Bench P-384 Issuing CA 1" mixed-root mixed-root 3002 \
    "$INT_EXT" sha256
mk mixed-leaf mixed-leaf "/CN=bench.example" mixed-int mixed-int 3003 \
    "$(leaf_ext digitalSignature)" sha384

for c in rsa ecdsa mixed; do
    for r in root int leaf; do
        der "$c-$r" "$B/$c/$r.der"
    done
done

# Hostile pool. Seeds: one self-signed "CN=Hostile CA" per key h0..h4, used
# only as the issuer certificate `openssl ca -cert` needs (not written out).
H="/CN=Hostile CA"
for i in 0 1 2 3 4; do
    mk "seed$i" "hostile-h$i" "$H" self - "$(printf '40%02X' "$i")" "$HOSTILE_EXT" sha256
done
mk hostile-root hostile-root "$H" self - 4100 "$ROOT_EXT" sha256
mk hostile-leaf hostile-leaf "/CN=bench.example" seed0 hostile-h0 4101 \
    "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:www.bench.example" sha256
rm -f "$B/hostile"/int*.der
for i in $(seq 0 29); do
    k=$((i % 5))
    s=$(((i + 1) % 5))
    mk "hostile-int$i" "hostile-h$k" "$H" "seed$s" "hostile-h$s" "$(printf '42%02X' "$i")" \
        "$HOSTILE_EXT" sha256
    der "hostile-int$i" "$B/hostile/$(printf 'int%02d' "$i").der"
done
der hostile-root "$B/hostile/root.der"
der hostile-leaf "$B/hostile/leaf.der"

echo "gen_bench.sh: wrote $(find "$B" -name '*.der' | wc -l) certificates under $B"
