#!/usr/bin/env bash
# gen_crl.sh -- regenerates the revocation, certificate-policy and Ed25519
# test vectors with the openssl command-line tool (OpenSSL 3.0):
#   vectors/crl/     CAs, leaves and CRLs (openssl ca -revoke / -gencrl) for
#                    tests/test_crl.c; Ed25519 key, certificate and a signed
#                    message for tests/test_ed25519.c
#   vectors/policy/  certificates with certificatePolicies, policyMappings,
#                    policyConstraints and inhibitAnyPolicy for
#                    tests/test_policy.c
#
# Determinism: keys live in vectors/crl/keys/ and are created only when
# missing; serials, names, validity dates, revocation dates (patched into the
# CA database after `openssl ca -revoke`) and CRL lastUpdate/nextUpdate
# (-crl_lastupdate/-crl_nextupdate) are fixed here. Only ECDSA signatures
# change between runs; Ed25519 signatures are deterministic.
#
# Usage: bash vectors/gen_crl.sh        (from anywhere; needs openssl 3.x)
set -euo pipefail
export LC_ALL=C

V="$(cd "$(dirname "$0")" && pwd)"
C="$V/crl"
P="$V/policy"
K="$C/keys"
W="$(mktemp -d)"
trap 'rm -rf "$W"' EXIT
mkdir -p "$C" "$P" "$K"

newkey() { # name [ed25519]
    local f="$K/$1.key"
    [ -f "$f" ] && return 0
    if [ "${2:-}" = ed25519 ]; then
        openssl genpkey -algorithm ED25519 -out "$f"
    else
        openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
            -pkeyopt ec_param_enc:named_curve -out "$f"
    fi 2>/dev/null
}

# Certificate extensions (sections named by issue()'s last argument).
cat >"$W/ext.cnf" <<'EOF'
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ca_nocrlsign]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ca_noku]
basicConstraints = critical, CA:TRUE
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[leaf]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:leaf.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[leaf_dp]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:leaf.example
crlDistributionPoints = URI:http://crl.example/int-part1.crl
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
# ---- policies: P1 = 1.3.6.1.4.1.55555.1.1, P2 = .1.2, P3 = .1.3
[pca_p1]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
certificatePolicies = 1.3.6.1.4.1.55555.1.1
[pca_p1p2]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
certificatePolicies = 1.3.6.1.4.1.55555.1.1, 1.3.6.1.4.1.55555.1.2
[pca_any]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
certificatePolicies = 2.5.29.32.0
[pca_nopol]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
[pca_rep0]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
certificatePolicies = 2.5.29.32.0
policyConstraints = critical, requireExplicitPolicy:0
[pca_map]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
certificatePolicies = 1.3.6.1.4.1.55555.1.1
policyMappings = critical, 1.3.6.1.4.1.55555.1.1:1.3.6.1.4.1.55555.1.2
[pca_any_map]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
certificatePolicies = 2.5.29.32.0
policyMappings = critical, 1.3.6.1.4.1.55555.1.1:1.3.6.1.4.1.55555.1.3
[pca_ipm0]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
certificatePolicies = 2.5.29.32.0
policyConstraints = critical, inhibitPolicyMapping:0
[pca_iap0]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
certificatePolicies = 2.5.29.32.0
inhibitAnyPolicy = critical, 0
[pca_map_any]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
certificatePolicies = 1.3.6.1.4.1.55555.1.1
policyMappings = critical, 1.3.6.1.4.1.55555.1.1:2.5.29.32.0
[pca_dup]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
certificatePolicies = 1.3.6.1.4.1.55555.1.1, 1.3.6.1.4.1.55555.1.1
[pleaf_p1]
basicConstraints = critical, CA:FALSE
certificatePolicies = 1.3.6.1.4.1.55555.1.1
[pleaf_p2]
basicConstraints = critical, CA:FALSE
certificatePolicies = 1.3.6.1.4.1.55555.1.2
[pleaf_p3]
basicConstraints = critical, CA:FALSE
certificatePolicies = 1.3.6.1.4.1.55555.1.3
[pleaf_any]
basicConstraints = critical, CA:FALSE
certificatePolicies = 2.5.29.32.0
[pleaf_nopol]
basicConstraints = critical, CA:FALSE
[pleaf_rep0]
basicConstraints = critical, CA:FALSE
policyConstraints = critical, requireExplicitPolicy:0
# ---- policy chains for xcv_verify (tests/test_verify.c): full CA profile
[pchain_ca_rep0]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 1.3.6.1.4.1.55555.1.1
policyConstraints = critical, requireExplicitPolicy:0
[pchain_ca_iap0]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 2.5.29.32.0
policyConstraints = critical, requireExplicitPolicy:0
inhibitAnyPolicy = critical, 0
[pchain_leaf_p1]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:leaf.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 1.3.6.1.4.1.55555.1.1
[pchain_leaf_p2]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:leaf.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 1.3.6.1.4.1.55555.1.2
[pchain_leaf_any]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:leaf.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 2.5.29.32.0
EOF

# CRL extension sections.
cat >"$W/crlext.cnf" <<'EOF'
[crl_plain]
authorityKeyIdentifier = keyid:always
[crl_critext]
authorityKeyIdentifier = keyid:always
1.3.6.1.4.1.55555.9.1 = critical, ASN1:NULL
[crl_onlyca]
authorityKeyIdentifier = keyid:always
issuingDistributionPoint = critical, @idp_onlyca
[crl_onlyuser]
authorityKeyIdentifier = keyid:always
issuingDistributionPoint = critical, @idp_onlyuser
[crl_dp]
authorityKeyIdentifier = keyid:always
issuingDistributionPoint = critical, @idp_dp
[crl_delta]
authorityKeyIdentifier = keyid:always
2.5.29.27 = critical, ASN1:INTEGER:1
[crl_number_critical]
authorityKeyIdentifier = keyid:always
2.5.29.20 = critical, ASN1:INTEGER:7
[idp_onlyca]
onlyCA = TRUE
[idp_onlyuser]
onlyuser = TRUE
[idp_dp]
fullname = URI:http://crl.example/int-part1.crl
EOF

# A CA database for issuer $1 (key $2, certificate $3); $4 = "nonumber" for
# a configuration without a crlnumber file (no CRL number extension).
cadb() {
    local d="$W/db-$1"
    mkdir -p "$d/new"
    : >"$d/index.txt"
    echo 01 >"$d/crlnumber"
    local num="crlnumber = $d/crlnumber"
    [ "${4:-}" = nonumber ] && num=""
    cat >"$d/ca.cnf" <<EOF
[ca]
default_ca = CA_default
[CA_default]
dir = $d
database = $d/index.txt
new_certs_dir = $d/new
serial = $d/serial
$num
certificate = $3
private_key = $K/$2.key
default_md = sha256
policy = pol_any
unique_subject = no
copy_extensions = none
default_crl_days = 30
[pol_any]
commonName = supplied
organizationName = optional
EOF
    cat "$W/crlext.cnf" >>"$d/ca.cnf"
}

# issue DB SERIAL SUBJECT_CN KEY OUT_BASE EXT_SECTION [selfsign]
issue() {
    local db="$W/db-$1" serial=$2 cn=$3 key=$4 out=$5 ext=$6
    echo "$serial" >"$db/serial"
    openssl req -new -key "$K/$key.key" -subj "/CN=$cn/O=xcv tests" -out "$W/req.csr"
    local extra=()
    [ "${7:-}" = selfsign ] && extra=(-selfsign)
    openssl ca -batch -config "$db/ca.cnf" "${extra[@]}" -in "$W/req.csr" -out "$out.pem" \
        -startdate 230101000000Z -enddate 340101000000Z -notext \
        -extfile "$W/ext.cnf" -extensions "$ext" 2>/dev/null
    openssl x509 -in "$out.pem" -outform DER -out "$out.der"
}

# revoke DB CERT_PEM REASON: revocation date fixed at 2023-12-15 12:00:00Z.
revoke() {
    openssl ca -batch -config "$W/db-$1/ca.cnf" -revoke "$2" -crl_reason "$3" 2>/dev/null
    sed -i -E 's/^(R\t[0-9]+Z\t)[0-9]+Z/\1231215120000Z/' "$W/db-$1/index.txt"
}

# gencrl DB SECTION OUT_DER
gencrl() {
    openssl ca -batch -gencrl -config "$W/db-$1/ca.cnf" -crl_lastupdate 20240101000000Z \
        -crl_nextupdate 20240201000000Z -crlexts "$2" -out "$W/crl.pem" 2>/dev/null
    openssl crl -in "$W/crl.pem" -outform DER -out "$3"
}

# ---------------------------------------------------------------------------
# CRL vectors
# ---------------------------------------------------------------------------
for k in root int int-revoked int-nosign int-noku other leaf; do newkey "crl-$k"; done

cadb root crl-root "$C/root.pem"
issue root 01 "xcv CRL Root" crl-root "$C/root" ca selfsign
cadb int crl-int "$C/int.pem"
cadb intnonum crl-int "$C/int.pem" nonumber
cadb introot crl-int-revoked "$C/int-revoked.pem"
cadb nosign crl-int-nosign "$C/int-nosign.pem"
cadb noku crl-int-noku "$C/int-noku.pem"
cadb other crl-other "$C/other.pem"
cadb impostor crl-other "$C/impostor.pem"

issue root 2001 "xcv CRL Int" crl-int "$C/int" ca
issue root 2002 "xcv CRL Int Revoked" crl-int-revoked "$C/int-revoked" ca
issue root 2003 "xcv CRL Int NoSign" crl-int-nosign "$C/int-nosign" ca_nocrlsign
issue root 2004 "xcv CRL Int NoKU" crl-int-noku "$C/int-noku" ca_noku
# The revoked intermediate re-issued (same name and key, not revoked): a
# path through it is the alternative when the revoked one fails.
issue root 2005 "xcv CRL Int Revoked" crl-int-revoked "$C/int-revoked-alt" ca
issue other 01 "xcv CRL Other" crl-other "$C/other" ca selfsign
# Same name as the real intermediate, another key: its CRLs must not count.
issue impostor 01 "xcv CRL Int" crl-other "$C/impostor" ca selfsign

issue int 1001 "leaf good" crl-leaf "$C/leaf-good" leaf
issue int 1002 "leaf revoked" crl-leaf "$C/leaf-revoked" leaf
issue int 1003 "leaf with dp" crl-leaf "$C/leaf-dp" leaf_dp
issue introot 1004 "leaf under revoked int" crl-leaf "$C/leaf-under-revoked" leaf
issue nosign 1005 "leaf nosign" crl-leaf "$C/leaf-nosign" leaf
issue noku 1006 "leaf noku" crl-leaf "$C/leaf-noku" leaf
# The other CA and the impostor list 0x1001 (the good leaf's serial).
issue other 1001 "other leaf" crl-leaf "$W/other-leaf" leaf
issue impostor 1001 "impostor leaf" crl-leaf "$W/impostor-leaf" leaf

revoke int "$C/leaf-revoked.pem" keyCompromise
revoke root "$C/int-revoked.pem" CACompromise
revoke other "$W/other-leaf.pem" keyCompromise
revoke impostor "$W/impostor-leaf.pem" keyCompromise
cp "$W/db-int/index.txt" "$W/db-intnonum/index.txt"

gencrl int crl_plain "$C/int.crl.der"
gencrl root crl_plain "$C/root.crl.der"
gencrl nosign crl_plain "$C/nosign.crl.der"
gencrl noku crl_plain "$C/noku.crl.der"
gencrl other crl_plain "$C/other.crl.der"
gencrl impostor crl_plain "$C/impostor.crl.der"
gencrl int crl_critext "$C/int-critext.crl.der"
gencrl int crl_onlyca "$C/int-onlyca.crl.der"
gencrl int crl_onlyuser "$C/int-onlyuser.crl.der"
gencrl int crl_dp "$C/int-dp.crl.der"
gencrl int crl_delta "$C/int-delta.crl.der"
gencrl intnonum crl_plain "$C/int-nonumber.crl.der"
gencrl intnonum crl_number_critical "$C/int-number-critical.crl.der"
openssl crl -in "$C/int.crl.der" -inform DER -out "$C/int.crl.pem"

# ---------------------------------------------------------------------------
# Ed25519: a self-signed certificate and a signed message (RFC 8032 PureEdDSA)
# ---------------------------------------------------------------------------
newkey ed25519 ed25519
openssl req -new -x509 -key "$K/ed25519.key" -subj "/CN=xcv Ed25519" -days 3650 \
    -set_serial 0x0ed25519 -outform DER -out "$C/ed25519-self.der" 2>/dev/null
printf 'xcv Ed25519 test message\n' >"$C/ed25519-msg.bin"
openssl pkeyutl -sign -rawin -inkey "$K/ed25519.key" -in "$C/ed25519-msg.bin" \
    -out "$C/ed25519-msg.sig"

# ---------------------------------------------------------------------------
# Policy vectors (all issued by one root; only the extensions matter)
# ---------------------------------------------------------------------------
newkey pol-root
newkey pol-cert
cadb pol pol-root "$P/root.pem"
issue pol 01 "xcv Policy Root" pol-root "$P/root" ca selfsign
n=16
for s in p1 p1p2 any nopol rep0 map any_map ipm0 iap0 map_any dup; do
    n=$((n + 1))
    if issue pol "$(printf '%02x' $n)" "policy ca $s" pol-cert "$P/ca-${s//_/-}" "pca_$s"; then
        :
    else
        echo "note: openssl refused pca_$s" >&2
    fi
done
for s in p1 p2 p3 any nopol rep0; do
    n=$((n + 1))
    issue pol "$(printf '%02x' $n)" "policy leaf $s" pol-cert "$P/leaf-$s" "pleaf_$s"
done
# Chains: root -> chain-ca-rep0 (P1, requireExplicitPolicy 0) -> leaves P1/P2;
# root -> chain-ca-iap0 (anyPolicy, requireExplicitPolicy 0, inhibitAnyPolicy
# 0) -> leaves P1/anyPolicy. The intermediates sign with pol-cert.
n=48
for s in rep0 iap0; do
    n=$((n + 1))
    issue pol "$(printf '%02x' $n)" "policy chain ca $s" pol-cert "$P/chain-ca-$s" "pchain_ca_$s"
    cadb "pc$s" pol-cert "$P/chain-ca-$s.pem"
done
issue pcrep0 61 "policy chain leaf p1" pol-cert "$P/chain-rep0-leaf-p1" pchain_leaf_p1
issue pcrep0 62 "policy chain leaf p2" pol-cert "$P/chain-rep0-leaf-p2" pchain_leaf_p2
issue pciap0 63 "policy chain leaf p1" pol-cert "$P/chain-iap0-leaf-p1" pchain_leaf_p1
issue pciap0 64 "policy chain leaf any" pol-cert "$P/chain-iap0-leaf-any" pchain_leaf_any
rm -f "$C"/*.pem.tmp "$P"/*.pem
# keep PEM copies only where a test or the CLI reads PEM
find "$C" -maxdepth 1 -name '*.pem' ! -name 'int.crl.pem' -delete
echo "vectors written to $C and $P"
