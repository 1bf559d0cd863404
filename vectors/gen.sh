#!/usr/bin/env bash
# gen.sh -- regenerates the certificate test vectors of xcv with the openssl
# command-line tool (OpenSSL 3.0 as in Debian; no -not_before there, so every
# certificate is issued with `openssl ca -startdate/-enddate` from a throwaway
# CA database in a temporary directory).
#
# Output (all committed):
#   vectors/demo/      PEM files for the CLI demo (mail-client scenarios)
#   vectors/chains/    DER certificates for path verification, one per file;
#                      vectors/chains.tsv describes every verification case
#   vectors/parse/     DER certificates (and corrupt files) for the parser;
#                      vectors/manifest.tsv describes every file
#
# Determinism: keys live in vectors/keys/*.key and are created only when
# missing; serials, names, dates and extensions are fixed in this script.
# Only the signatures change between runs (ECDSA nonces, PSS salts), so tests
# compare parsed results and verification outcomes, never bytes.
#
# Usage: bash vectors/gen.sh        (from anywhere)
# Needs: openssl (3.x), faketime (one certificate with a negative serial,
# which `openssl ca` cannot issue), python3 (byte surgery on corrupt files).
set -euo pipefail
export LC_ALL=C

V="$(cd "$(dirname "$0")" && pwd)"
K="$V/keys"
W="$(mktemp -d)"
trap 'rm -rf "$W"' EXIT
mkdir -p "$K" "$V/demo" "$V/chains" "$V/parse"

# ---------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------

newkey() { # name type(rsaN|p256|p384|p521|ed25519)
    local f="$K/$1.key"
    if [ -f "$f" ]; then
        return 0
    fi
    case "$2" in
    rsa*) openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:${2#rsa}" -out "$f" ;;
    p256) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
        -pkeyopt ec_param_enc:named_curve -out "$f" ;;
    p384) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 \
        -pkeyopt ec_param_enc:named_curve -out "$f" ;;
    p521) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-521 \
        -pkeyopt ec_param_enc:named_curve -out "$f" ;;
    ed25519) openssl genpkey -algorithm ED25519 -out "$f" ;;
    *) echo "unknown key type $2" >&2; exit 1 ;;
    esac 2>/dev/null
}

# chains
newkey root-rsa2048 rsa2048
newkey int-rsa2048 rsa2048
newkey leaf-rsa2048 rsa2048
newkey root-p256 p256
newkey int-p256 p256
newkey leaf-p256 p256
newkey root-rsa4096 rsa4096
newkey int-p384 p384
newkey int-p521 p521
newkey twin1-rsa2048 rsa2048
newkey twin2-rsa2048 rsa2048
newkey loopa-p256 p256
newkey loopb-p256 p256
newkey xnew-rsa2048 rsa2048
newkey xold-rsa2048 rsa2048
newkey ca2-p256 p256
newkey leaf-rsa1024 rsa1024
newkey ed-int ed25519
newkey ed-leaf ed25519
# demo
newkey demo-root rsa2048
newkey demo-int p256
newkey demo-leaf p256
newkey unknown-root p256
newkey unknown-int p256
newkey av-root rsa2048
newkey localhost p256
# parse
newkey rsa3072 rsa3072
newkey p384 p384
newkey p521 p521

# ---------------------------------------------------------------------------
# Issuing
# ---------------------------------------------------------------------------

# Dates. T (2026-06-01T00:00:00Z) is inside every "valid" certificate; demo
# certificates stay valid until 2040.
R0=20240101000000Z R1=20491231235959Z # roots
I0=20250101000000Z I1=20451231235959Z # intermediates
L0=20250601000000Z L1=20400101000000Z # leaves
T=2026-06-01T00:00:00Z

ROOT_EXT="basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash"
INT_EXT="basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always"
LEAF_BASE="basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always"
LEAF_SERVER="$LEAF_BASE
extendedKeyUsage=serverAuth,clientAuth"
ca_ext() { # pathLenConstraint -> intermediate extensions
    printf 'basicConstraints=critical,CA:TRUE,pathlen:%s\nkeyUsage=critical,keyCertSign,cRLSign\n' "$1"
    printf 'subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always'
}
leaf_ext() { # SAN value -> server leaf extensions
    printf '%s\nsubjectAltName=%s' "$LEAF_SERVER" "$1"
}

# mk ID KEY SUBJECT ISSUER_ID|self ISSUER_KEY SERIAL_HEX START END EXT|- [openssl ca args]
# Issues $W/ID.pem: subject key KEY, signed by ISSUER_KEY as the subject of
# the already issued ISSUER_ID (or self-signed). EXT are extension lines for
# an x509v3 config section (further [sections] may follow); "-" issues a v1
# certificate without extensions.
mk() {
    local id=$1 key=$2 subj=$3 iss=$4 ikey=$5 serial=$6 start=$7 end=$8 ext=$9
    shift 9
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
default_md = default
email_in_dn = yes
unique_subject = no
[pol]
commonName = optional
EOF
    openssl req -new -key "$K/$key.key" -subj "$subj" -out "$d/req.pem" 2>"$d/log"
    local args=(-batch -config "$d/ca.cnf" -in "$d/req.pem" -out "$W/$id.pem" -notext
        -preserveDN -startdate "$start" -enddate "$end")
    if [ "$ext" != "-" ]; then
        printf '[x]\n%s\n' "$ext" >"$d/ext.cnf"
        args+=(-extfile "$d/ext.cnf" -extensions x)
    fi
    if [ "$iss" = self ]; then
        args+=(-selfsign -keyfile "$K/$key.key")
    else
        args+=(-cert "$W/$iss.pem" -keyfile "$K/$ikey.key")
    fi
    if ! openssl ca "${args[@]}" "$@" >>"$d/log" 2>&1; then
        cat "$d/log" >&2
        echo "gen.sh: issuing $id failed" >&2
        exit 1
    fi
}

der() { # ID OUTFILE
    openssl x509 -in "$W/$1.pem" -outform DER -out "$2"
}
pemcat() { # OUTFILE ID...
    local out=$1
    shift
    : >"$out"
    local id
    for id in "$@"; do
        openssl x509 -in "$W/$id.pem" >>"$out"
    done
}
# Copies IN to OUT with the last byte of the file (the last byte of the
# signature value) XOR 0x01: the DER stays valid, the signature does not.
flip_sig() {
    python3 - "$1" "$2" <<'EOF'
import sys
b = bytearray(open(sys.argv[1], 'rb').read())
b[-1] ^= 0x01
open(sys.argv[2], 'wb').write(bytes(b))
EOF
}

PSS=(-md sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest)
O="C=US/O=XCV Test"

# ===========================================================================
# C. Demo (PEM): vectors/demo/
# ===========================================================================
D="$V/demo"
rm -f "$D"/*.pem

mk demo-root demo-root "/C=NL/O=Demo Mail/CN=Demo Mail Root CA" self - 2001 $R0 $R1 "$ROOT_EXT"
mk demo-int demo-int "/C=NL/O=Demo Mail/CN=Demo Mail Issuing CA 1" demo-root demo-root 2002 $I0 $I1 "$INT_EXT"
mk demo-mail demo-leaf "/CN=mail.example.net" demo-int demo-int 2003 $L0 $L1 \
    "$(leaf_ext DNS:mail.example.net,DNS:smtp.mail.example.net,DNS:imap.example.net)"
mk demo-dnsonly demo-leaf "/CN=mx.example.net" demo-int demo-int 2004 $L0 $L1 \
    "$(leaf_ext DNS:mx.example.net)"
mk demo-ip demo-leaf "/CN=mx.example.net" demo-int demo-int 2005 $L0 $L1 \
    "$(leaf_ext DNS:mx.example.net,IP:217.69.139.10)"
mk demo-expired demo-leaf "/CN=mail.example.net" demo-int demo-int 2006 \
    20200101000000Z 20210101000000Z "$(leaf_ext DNS:mail.example.net)"
mk demo-future demo-leaf "/CN=mail.example.net" demo-int demo-int 2007 \
    20450101000000Z 20460101000000Z "$(leaf_ext DNS:mail.example.net)"
mk unknown-root unknown-root "/C=XX/O=Nobody/CN=Unlisted Mail Root CA" self - 2011 $R0 $R1 "$ROOT_EXT"
mk unknown-int unknown-int "/C=XX/O=Nobody/CN=Unlisted Mail Issuing CA" unknown-root unknown-root 2012 $I0 $I1 "$INT_EXT"
mk unknown-leaf demo-leaf "/CN=mail.example.net" unknown-int unknown-int 2013 $L0 $L1 \
    "$(leaf_ext DNS:mail.example.net,DNS:smtp.mail.example.net)"
mk av-root av-root "/C=US/O=Antivirus Inc/CN=Antivirus Mail Shield Root" self - 2021 $R0 $R1 "$ROOT_EXT"
mk av-leaf demo-leaf "/CN=mail.example.net" av-root av-root 2022 $L0 $L1 \
    "$(leaf_ext DNS:mail.example.net,DNS:smtp.mail.example.net)"
mk localhost localhost "/CN=localhost" self - 2031 $L0 $L1 \
    "$(leaf_ext DNS:localhost,IP:127.0.0.1,IP:::1)"

pemcat "$D/anchors.pem" demo-root
pemcat "$D/mail-chain.pem" demo-mail demo-int
pemcat "$D/mail-chain-with-root.pem" demo-mail demo-int demo-root
pemcat "$D/unknown-chain.pem" unknown-leaf unknown-int
pemcat "$D/unknown-root.pem" unknown-root
pemcat "$D/av-chain.pem" av-leaf
pemcat "$D/av-root.pem" av-root
pemcat "$D/dnsonly-chain.pem" demo-dnsonly demo-int
pemcat "$D/ip-chain.pem" demo-ip demo-int
pemcat "$D/expired-chain.pem" demo-expired demo-int
pemcat "$D/future-chain.pem" demo-future demo-int
pemcat "$D/localhost.pem" localhost

# ===========================================================================
# B. Chains (DER): vectors/chains/ + vectors/chains.tsv
# ===========================================================================
C="$V/chains"
rm -f "$C"/*.der
WWW="DNS:www.example.com,DNS:example.com"

# --- main RSA-2048 scheme
mk root-rsa root-rsa2048 "/$O/CN=XCV Test RSA Root" self - 1001 $R0 $R1 "$ROOT_EXT"
mk int-rsa int-rsa2048 "/$O/CN=XCV Test RSA Intermediate" root-rsa root-rsa2048 1002 $I0 $I1 "$INT_EXT"
mk leaf-rsa leaf-rsa2048 "/$O/CN=www.example.com" int-rsa int-rsa2048 1003 $L0 $L1 "$(leaf_ext $WWW)"
mk leaf-rsa-sha384 leaf-rsa2048 "/$O/CN=www.example.com" int-rsa int-rsa2048 1004 $L0 $L1 "$(leaf_ext $WWW)" -md sha384
mk leaf-rsa-sha512 leaf-rsa2048 "/$O/CN=www.example.com" int-rsa int-rsa2048 1005 $L0 $L1 "$(leaf_ext $WWW)" -md sha512
mk leaf-rsa-pss leaf-rsa2048 "/$O/CN=www.example.com" int-rsa int-rsa2048 1006 $L0 $L1 "$(leaf_ext $WWW)" "${PSS[@]}"
# --- P-256 scheme
mk root-p256 root-p256 "/$O/CN=XCV Test P-256 Root" self - 1011 $R0 $R1 "$ROOT_EXT"
mk int-p256 int-p256 "/$O/CN=XCV Test P-256 Intermediate" root-p256 root-p256 1012 $I0 $I1 "$INT_EXT"
mk leaf-p256 leaf-p256 "/$O/CN=www.example.com" int-p256 int-p256 1013 $L0 $L1 "$(leaf_ext $WWW)"
# --- RSA-4096 root -> P-384 intermediate -> P-256 leaf; P-521 intermediate
mk root-rsa4096 root-rsa4096 "/$O/CN=XCV Test RSA-4096 Root" self - 1021 $R0 $R1 "$ROOT_EXT" -md sha384
mk int-p384 int-p384 "/$O/CN=XCV Test P-384 Intermediate" root-rsa4096 root-rsa4096 1022 $I0 $I1 "$INT_EXT" -md sha384
mk leaf-p384sig leaf-p256 "/$O/CN=www.example.com" int-p384 int-p384 1023 $L0 $L1 "$(leaf_ext $WWW)" -md sha384
mk int-p521 int-p521 "/$O/CN=XCV Test P-521 Intermediate" root-rsa4096 root-rsa4096 1024 $I0 $I1 "$INT_EXT" -md sha384
mk leaf-p521sig leaf-p256 "/$O/CN=www.example.com" int-p521 int-p521 1025 $L0 $L1 "$(leaf_ext $WWW)" -md sha512
# --- cross-signed roots: "XCV Cross Root X1" self-signed (valid) and cross
#     signed by "XCV Old Root X3" (expired 2021-09-30).
mk xold xold-rsa2048 "/$O/CN=XCV Old Root X3" self - 1031 20100101000000Z 20210930000000Z "$ROOT_EXT"
mk xnew xnew-rsa2048 "/$O/CN=XCV Cross Root X1" self - 1032 $R0 $R1 "$ROOT_EXT"
mk xnew-by-old xnew-rsa2048 "/$O/CN=XCV Cross Root X1" xold xold-rsa2048 1033 20210101000000Z 20300101000000Z "$INT_EXT"
mk xint ca2-p256 "/$O/CN=XCV Cross Intermediate" xnew xnew-rsa2048 1034 $I0 $I1 "$INT_EXT"
mk xleaf leaf-rsa2048 "/$O/CN=www.example.com" xint ca2-p256 1035 $L0 $L1 "$(leaf_ext $WWW)"
# --- twin intermediates: same name, different keys; twin 2 signed the leaf
mk twin1 twin1-rsa2048 "/$O/CN=XCV Twin Intermediate" root-rsa root-rsa2048 1041 $I0 $I1 "$INT_EXT"
mk twin2 twin2-rsa2048 "/$O/CN=XCV Twin Intermediate" root-rsa root-rsa2048 1042 $I0 $I1 "$INT_EXT"
mk leaf-twin leaf-rsa2048 "/$O/CN=www.example.com" twin2 twin2-rsa2048 1043 $L0 $L1 "$(leaf_ext $WWW)"
# --- loop: A signs B, B signs A; no anchor reachable
mk loopa-tmp loopa-p256 "/$O/CN=XCV Loop A" self - 1050 $I0 $I1 "$INT_EXT"
mk loopb loopb-p256 "/$O/CN=XCV Loop B" loopa-tmp loopa-p256 1051 $I0 $I1 "$INT_EXT"
mk loopa loopa-p256 "/$O/CN=XCV Loop A" loopb loopb-p256 1052 $I0 $I1 "$INT_EXT"
mk leaf-loop leaf-p256 "/$O/CN=www.example.com" loopa loopa-p256 1053 $L0 $L1 "$(leaf_ext $WWW)"
# --- pathLen 0
mk int-pl0 ca2-p256 "/$O/CN=XCV PathLen0 CA" root-rsa root-rsa2048 1061 $I0 $I1 "$(ca_ext 0)"
mk int-sub int-p256 "/$O/CN=XCV Sub CA" int-pl0 ca2-p256 1062 $I0 $I1 "$INT_EXT"
mk leaf-sub leaf-p256 "/$O/CN=www.example.com" int-sub int-p256 1063 $L0 $L1 "$(leaf_ext $WWW)"
mk leaf-pl0 leaf-p256 "/$O/CN=www.example.com" int-pl0 ca2-p256 1064 $L0 $L1 "$(leaf_ext $WWW)"
# --- CA without keyCertSign
mk int-noku ca2-p256 "/$O/CN=XCV No KeyCertSign CA" root-rsa root-rsa2048 1071 $I0 $I1 \
    "basicConstraints=critical,CA:TRUE
keyUsage=critical,digitalSignature,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always"
mk leaf-noku leaf-p256 "/$O/CN=www.example.com" int-noku ca2-p256 1072 $L0 $L1 "$(leaf_ext $WWW)"
# --- EKU
mk leaf-clientonly leaf-rsa2048 "/$O/CN=www.example.com" int-rsa int-rsa2048 1081 $L0 $L1 \
    "$LEAF_BASE
extendedKeyUsage=clientAuth
subjectAltName=$WWW"
mk int-email ca2-p256 "/$O/CN=XCV Email-only CA" root-rsa root-rsa2048 1082 $I0 $I1 \
    "$INT_EXT
extendedKeyUsage=emailProtection"
mk leaf-under-email leaf-p256 "/$O/CN=www.example.com" int-email ca2-p256 1083 $L0 $L1 \
    "$LEAF_BASE
extendedKeyUsage=serverAuth,emailProtection
subjectAltName=$WWW,email:user@example.com"
# --- unknown extension on the leaf, critical and not
mk leaf-unkcrit leaf-rsa2048 "/$O/CN=www.example.com" int-rsa int-rsa2048 1091 $L0 $L1 \
    "$(leaf_ext $WWW)
1.3.6.1.4.1.55555.1.1=critical,ASN1:UTF8String:must understand"
mk leaf-unknoncrit leaf-rsa2048 "/$O/CN=www.example.com" int-rsa int-rsa2048 1092 $L0 $L1 \
    "$(leaf_ext $WWW)
1.3.6.1.4.1.55555.1.1=ASN1:UTF8String:may ignore"
# --- weak keys and algorithms
mk leaf-rsa1024 leaf-rsa1024 "/$O/CN=www.example.com" int-rsa int-rsa2048 1101 $L0 $L1 "$(leaf_ext $WWW)"
mk int-sha1 ca2-p256 "/$O/CN=XCV SHA-1 Signed CA" root-rsa root-rsa2048 1102 $I0 $I1 "$INT_EXT" -md sha1
mk leaf-under-sha1 leaf-p256 "/$O/CN=www.example.com" int-sha1 ca2-p256 1103 $L0 $L1 "$(leaf_ext $WWW)"
mk int-ed ed-int "/$O/CN=XCV Ed25519 CA" root-rsa root-rsa2048 1104 $I0 $I1 "$INT_EXT"
mk leaf-ed ed-leaf "/$O/CN=www.example.com" int-ed ed-int 1105 $L0 $L1 "$(leaf_ext $WWW)"
# --- validity
mk leaf-expired leaf-rsa2048 "/$O/CN=www.example.com" int-rsa int-rsa2048 1111 \
    20200101000000Z 20210101000000Z "$(leaf_ext $WWW)"
mk leaf-future leaf-rsa2048 "/$O/CN=www.example.com" int-rsa int-rsa2048 1112 \
    20450101000000Z 20460101000000Z "$(leaf_ext $WWW)"
# --- leaf is a CA; v1 intermediate
mk leaf-ca leaf-rsa2048 "/$O/CN=www.example.com" int-rsa int-rsa2048 1121 $L0 $L1 \
    "basicConstraints=critical,CA:TRUE
keyUsage=critical,digitalSignature,keyCertSign
extendedKeyUsage=serverAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always
subjectAltName=$WWW"
mk int-v1 ca2-p256 "/$O/CN=XCV V1 CA" root-rsa root-rsa2048 1122 $I0 $I1 -
mk leaf-under-v1 leaf-p256 "/$O/CN=www.example.com" int-v1 ca2-p256 1123 $L0 $L1 \
    "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
subjectKeyIdentifier=hash
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=$WWW"
# --- name constraints
mk int-nc ca2-p256 "/$O/CN=XCV Constrained CA" root-rsa root-rsa2048 1131 $I0 $I1 \
    "$INT_EXT
nameConstraints=critical,permitted;DNS:example.com"
mk leaf-nc-ok leaf-p256 "/$O/CN=a.example.com" int-nc ca2-p256 1132 $L0 $L1 "$(leaf_ext DNS:a.example.com)"
mk leaf-nc-evil leaf-p256 "/$O/CN=evil.com" int-nc ca2-p256 1133 $L0 $L1 "$(leaf_ext DNS:evil.com)"
mk int-ncx ca2-p256 "/$O/CN=XCV Excluding CA" root-rsa root-rsa2048 1134 $I0 $I1 \
    "$INT_EXT
nameConstraints=critical,excluded;DNS:bad.example.com"
mk leaf-ncx-ok leaf-p256 "/$O/CN=good.example.com" int-ncx ca2-p256 1135 $L0 $L1 "$(leaf_ext DNS:good.example.com)"
mk leaf-ncx-bad leaf-p256 "/$O/CN=x.bad.example.com" int-ncx ca2-p256 1136 $L0 $L1 "$(leaf_ext DNS:x.bad.example.com)"
# --- identities
mk leaf-ip leaf-rsa2048 "/$O/CN=ip.example.com" int-rsa int-rsa2048 1141 $L0 $L1 \
    "$(leaf_ext DNS:ip.example.com,IP:192.0.2.10,IP:2001:db8::10)"
mk leaf-cn leaf-rsa2048 "/$O/CN=cn-only.example.com" int-rsa int-rsa2048 1142 $L0 $L1 "$LEAF_SERVER"
mk leaf-wild leaf-rsa2048 "/$O/CN=*.example.com" int-rsa int-rsa2048 1143 $L0 $L1 "$(leaf_ext DNS:*.example.com)"
mk leaf-self leaf-p256 "/$O/CN=self.example.com" self - 1144 $L0 $L1 "$(leaf_ext DNS:self.example.com)"

for id in root-rsa int-rsa leaf-rsa leaf-rsa-sha384 leaf-rsa-sha512 leaf-rsa-pss \
    root-p256 int-p256 leaf-p256 root-rsa4096 int-p384 leaf-p384sig int-p521 leaf-p521sig \
    xold xnew xnew-by-old xint xleaf twin1 twin2 leaf-twin loopa loopb leaf-loop \
    int-pl0 int-sub leaf-sub leaf-pl0 int-noku leaf-noku leaf-clientonly int-email \
    leaf-under-email leaf-unkcrit leaf-unknoncrit leaf-rsa1024 int-sha1 leaf-under-sha1 \
    int-ed leaf-ed leaf-expired leaf-future leaf-ca int-v1 leaf-under-v1 int-nc leaf-nc-ok \
    leaf-nc-evil int-ncx leaf-ncx-ok leaf-ncx-bad leaf-ip leaf-cn leaf-wild leaf-self; do
    der "$id" "$C/$id.der"
done
for id in leaf-rsa leaf-rsa-sha384 leaf-rsa-sha512 leaf-rsa-pss leaf-p256 leaf-p384sig leaf-p521sig leaf-ed; do
    flip_sig "$C/$id.der" "$C/$id-badsig.der"
done

TSV="$V/chains.tsv"
printf '# id\tleaf\tintermediates\tanchors\ttime\tref\tpurpose\texpect\tindex\tnotes\n' >"$TSV"
row() { # id leaf ints anchors time ref purpose expect index notes
    local f
    for f in "$2" ${3//,/ } ${4//,/ }; do
        if [ "$f" != "-" ] && [ ! -f "$C/$f" ]; then
            echo "chains.tsv row $1: missing $f" >&2
            exit 1
        fi
    done
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$TSV"
}
RR=root-rsa.der
IR=int-rsa.der
WW=dns:www.example.com
row rsa2048-ok leaf-rsa.der $IR $RR $T $WW server XCV_OK - "RSA-2048 root, intermediate and leaf, PKCS#1 SHA-256"
row rsa2048-ref-case leaf-rsa.der $IR $RR $T dns:WWW.Example.COM. server XCV_OK - "reference case-insensitive with one trailing dot"
row rsa2048-ref-other leaf-rsa.der $IR $RR $T dns:www.example.org server XCV_ERR_NAME_MISMATCH 0 "name not in the SAN"
row rsa2048-no-ref leaf-rsa.der $IR $RR $T - server XCV_OK - "no identity check"
row p256-ok leaf-p256.der int-p256.der root-p256.der $T $WW server XCV_OK - "P-256 throughout, ECDSA SHA-256"
row mixed-ok leaf-p384sig.der int-p384.der root-rsa4096.der $T $WW server XCV_OK - "RSA-4096 root (SHA-384) -> P-384 intermediate -> P-256 leaf (ECDSA SHA-384)"
row p521-ok leaf-p521sig.der int-p521.der root-rsa4096.der $T $WW server XCV_OK - "P-521 intermediate signs with ECDSA SHA-512"
row rsa-sha384-ok leaf-rsa-sha384.der $IR $RR $T $WW server XCV_OK - "leaf signed RSA PKCS#1 SHA-384"
row rsa-sha512-ok leaf-rsa-sha512.der $IR $RR $T $WW server XCV_OK - "leaf signed RSA PKCS#1 SHA-512"
row rsa-pss-ok leaf-rsa-pss.der $IR $RR $T $WW server XCV_OK - "leaf signed RSASSA-PSS SHA-256 MGF1-SHA-256 salt 32"
row badsig-rsa-sha256 leaf-rsa-badsig.der $IR $RR $T $WW server XCV_ERR_BAD_SIGNATURE 0 "last signature byte flipped"
row badsig-rsa-sha384 leaf-rsa-sha384-badsig.der $IR $RR $T $WW server XCV_ERR_BAD_SIGNATURE 0 "last signature byte flipped"
row badsig-rsa-sha512 leaf-rsa-sha512-badsig.der $IR $RR $T $WW server XCV_ERR_BAD_SIGNATURE 0 "last signature byte flipped"
row badsig-rsa-pss leaf-rsa-pss-badsig.der $IR $RR $T $WW server XCV_ERR_BAD_SIGNATURE 0 "last signature byte flipped"
row badsig-p256 leaf-p256-badsig.der int-p256.der root-p256.der $T $WW server XCV_ERR_BAD_SIGNATURE 0 "last byte of ECDSA s flipped (DER intact)"
row badsig-p384 leaf-p384sig-badsig.der int-p384.der root-rsa4096.der $T $WW server XCV_ERR_BAD_SIGNATURE 0 "last byte of ECDSA s flipped (DER intact)"
row badsig-p521 leaf-p521sig-badsig.der int-p521.der root-rsa4096.der $T $WW server XCV_ERR_BAD_SIGNATURE 0 "last byte of ECDSA s flipped (DER intact)"
row cross-both-anchors xleaf.der xint.der,xnew-by-old.der xold.der,xnew.der $T $WW server XCV_OK - "path via cross cert to the expired Old Root X3 fails; must end at the self-signed Cross Root X1"
row cross-both-anchors-rev xleaf.der xnew-by-old.der,xint.der xnew.der,xold.der $T $WW server XCV_OK - "same, other orders"
row cross-new-only xleaf.der xint.der,xnew-by-old.der xnew.der $T $WW server XCV_OK - "the cross cert is an unneeded extra"
row cross-old-only xleaf.der xint.der,xnew-by-old.der xold.der $T $WW server XCV_ERR_ANCHOR_EXPIRED anchor "only the expired root is trusted"
row cross-old-only-ignore xleaf.der xint.der,xnew-by-old.der xold.der 2021-06-01T00:00:00Z $WW server XCV_ERR_NOT_YET_VALID 0 "before the leaf and intermediate: leaf (2025-06-01) not yet valid"
row order-extra leaf-rsa.der leaf-p256.der,root-p256.der,int-p384.der,$IR $RR $T $WW server XCV_OK - "intermediate last, three unrelated certificates first"
row order-extra-root leaf-p384sig.der root-rsa4096.der,leaf-rsa.der,int-p384.der root-rsa4096.der,$RR $T $WW server XCV_OK - "root sent first, an unrelated leaf in between"
row missing-int leaf-rsa.der - $RR $T $WW server XCV_ERR_UNKNOWN_ISSUER 0 "intermediate not sent"
row missing-int-extra leaf-rsa.der int-p256.der $RR $T $WW server XCV_ERR_UNKNOWN_ISSUER 0 "intermediate not sent, an unrelated one is"
row untrusted-root leaf-rsa.der $IR root-p256.der $T $WW server XCV_ERR_UNKNOWN_ISSUER 1 "issuer of the intermediate is not trusted"
row root-sent leaf-rsa.der $IR,$RR $RR $T $WW server XCV_OK - "server sends the trusted root too (tolerated)"
row root-sent-untrusted leaf-rsa.der $IR,$RR root-p256.der $T $WW server XCV_ERR_UNKNOWN_ISSUER 2 "self-signed root sent but not trusted: it is the topmost"
row loop leaf-loop.der loopa.der,loopb.der $RR $T $WW server XCV_ERR_UNKNOWN_ISSUER 2 "A signs B, B signs A: leaf(0)->A(1)->B(2)->A is a loop; B is the topmost"
row twins-ok leaf-twin.der twin1.der,twin2.der $RR $T $WW server XCV_OK - "two intermediates with the same name: only twin2 signed the leaf"
row twins-ok-rev leaf-twin.der twin2.der,twin1.der $RR $T $WW server XCV_OK - "same, other order"
row twins-wrong-only leaf-twin.der twin1.der $RR $T $WW server XCV_ERR_BAD_SIGNATURE 0 "only the wrong twin: the leaf's signature fails (AKI differs too; a verifier that filters by AKI reports XCV_ERR_UNKNOWN_ISSUER 0)"
row pathlen0-ok leaf-pl0.der int-pl0.der $RR $T $WW server XCV_OK - "pathLen 0 CA issues a leaf directly"
row pathlen0-violated leaf-sub.der int-sub.der,int-pl0.der $RR $T $WW server XCV_ERR_PATH_LEN_EXCEEDED 2 "pathLen 0 CA (2) issued sub CA (1): index is the CA whose constraint is exceeded (as OpenSSL and Go report)"
row ca-no-keycertsign leaf-noku.der int-noku.der $RR $T $WW server XCV_ERR_CA_KEY_USAGE 1 "issuer keyUsage digitalSignature,cRLSign"
row eku-leaf-client leaf-clientonly.der $IR $RR $T $WW server XCV_ERR_EKU_NOT_ALLOWED 0 "leaf EKU clientAuth only"
row eku-leaf-client-ok leaf-clientonly.der $IR $RR $T $WW client XCV_OK - "leaf EKU clientAuth, purpose client"
row eku-leaf-client-any leaf-clientonly.der $IR $RR $T $WW any XCV_OK - "purpose any"
row eku-int-email leaf-under-email.der int-email.der $RR $T $WW server XCV_ERR_EKU_NOT_ALLOWED 1 "intermediate EKU emailProtection only constrains the path"
row eku-int-email-ok leaf-under-email.der int-email.der $RR $T email:user@example.com email XCV_OK - "purpose email allowed by leaf and intermediate"
row unknown-critical leaf-unkcrit.der $IR $RR $T $WW server XCV_ERR_CERT_UNKNOWN_CRITICAL_EXTENSION 0 "critical private extension 1.3.6.1.4.1.55555.1.1"
row unknown-noncritical leaf-unknoncrit.der $IR $RR $T $WW server XCV_OK - "same extension non-critical"
row rsa1024-leaf leaf-rsa1024.der $IR $RR $T $WW server XCV_ERR_RSA_KEY_TOO_SMALL 0 "RSA-1024 leaf key; with min_rsa_bits=1024: XCV_OK"
row sha1-int leaf-under-sha1.der int-sha1.der $RR $T $WW server XCV_ERR_INSECURE_ALGORITHM 1 "intermediate signed RSA PKCS#1 SHA-1; with XCV_FLAG_ALLOW_SHA1: XCV_OK"
row ed25519-leaf leaf-ed.der int-ed.der $RR $T $WW server XCV_OK - "Ed25519 CA signs the leaf with Ed25519 (libsodium; a build without XCV_ED25519 gives XCV_ERR_UNSUPPORTED_ALGORITHM 0)"
row badsig-ed25519 leaf-ed-badsig.der int-ed.der $RR $T $WW server XCV_ERR_BAD_SIGNATURE 0 "last Ed25519 signature byte flipped"
row expired leaf-expired.der $IR $RR $T $WW server XCV_ERR_EXPIRED 0 "leaf 2020-01-01..2021-01-01"
row expired-in-time leaf-expired.der $IR $RR 2020-06-01T00:00:00Z $WW server XCV_ERR_NOT_YET_VALID 1 "leaf valid then, intermediate (2025-01-01) not yet"
row not-yet-valid leaf-future.der $IR $RR $T $WW server XCV_ERR_NOT_YET_VALID 0 "leaf 2045-01-01..2046-01-01"
row leaf-is-ca leaf-ca.der $IR $RR $T $WW server XCV_ERR_LEAF_IS_CA 0 "leaf has cA=TRUE; with XCV_FLAG_ALLOW_CA_LEAF: XCV_OK"
row v1-intermediate leaf-under-v1.der int-v1.der $RR $T $WW server XCV_ERR_V1_CA 1 "v1 intermediate (no basicConstraints)"
row nc-permitted-ok leaf-nc-ok.der int-nc.der $RR $T dns:a.example.com server XCV_OK - "permitted DNS:example.com"
row nc-permitted-evil leaf-nc-evil.der int-nc.der $RR $T dns:evil.com server XCV_ERR_NAME_NOT_PERMITTED 0 "evil.com outside permitted example.com"
row nc-excluded-ok leaf-ncx-ok.der int-ncx.der $RR $T dns:good.example.com server XCV_OK - "excluded DNS:bad.example.com"
row nc-excluded-bad leaf-ncx-bad.der int-ncx.der $RR $T dns:x.bad.example.com server XCV_ERR_NAME_EXCLUDED 0 "x.bad.example.com inside excluded bad.example.com"
row ip-v4-ok leaf-ip.der $IR $RR $T ip:192.0.2.10 server XCV_OK - "iPAddress SAN"
row ip-v6-ok leaf-ip.der $IR $RR $T ip:2001:db8::10 server XCV_OK - "iPAddress SAN (16 bytes)"
row ip-v6-long-ok leaf-ip.der $IR $RR $T ip:2001:0db8:0:0:0:0:0:0010 server XCV_OK - "same address, uncompressed text"
row ip-mismatch leaf-ip.der $IR $RR $T ip:192.0.2.11 server XCV_ERR_NAME_MISMATCH 0 "other address"
row ip-dns-ok leaf-ip.der $IR $RR $T dns:ip.example.com server XCV_OK - "DNS SAN of the same leaf"
row cn-only leaf-cn.der $IR $RR $T dns:cn-only.example.com server XCV_ERR_NAME_MISMATCH 0 "no SAN, CN only; with XCV_FLAG_CN_FALLBACK: XCV_OK"
row wildcard-ok leaf-wild.der $IR $RR $T dns:a.example.com server XCV_OK - "*.example.com covers one label"
row wildcard-apex leaf-wild.der $IR $RR $T dns:example.com server XCV_ERR_NAME_MISMATCH 0 "*.example.com does not cover example.com"
row wildcard-two-labels leaf-wild.der $IR $RR $T dns:a.b.example.com server XCV_ERR_NAME_MISMATCH 0 "*.example.com does not cover two labels"
row self-signed-untrusted leaf-self.der - $RR $T dns:self.example.com server XCV_ERR_UNKNOWN_ISSUER 0 "self-signed leaf, not trusted"
row self-signed-anchored leaf-self.der - leaf-self.der $T dns:self.example.com server XCV_OK - "the presented certificate is itself a trust anchor"

# ===========================================================================
# A. Parse set (DER): vectors/parse/ + vectors/manifest.tsv
# ===========================================================================
P="$V/parse"
rm -f "$P"/*.der
MAN="$V/manifest.tsv"
printf '# file\tversion\tkey\tbits\tsig_alg\tis_ca\tpath_len\tsan_count\text_flags\texpect\n' >"$MAN"
man() { # file version key bits sig_alg is_ca path_len san_count ext_flags expect
    if [ ! -f "$P/$1" ]; then
        echo "manifest: missing $1" >&2
        exit 1
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$MAN"
}
LEAFX="bc!,ku!,eku,ski,aki,san" # extension flags of leaf_ext
CAX="bc!,ku!,ski,aki"
ROOTX="bc!,ku!,ski"

# Issuers of the parse set (reuse the chain scheme where it fits).
mk p-ed-ca ed-int "/$O/CN=XCV Parse Ed25519 CA" self - 3001 $R0 $R1 "$ROOT_EXT"
mk p-p384-ca p384 "/$O/CN=XCV Parse P-384 CA" self - 3002 $R0 $R1 "$ROOT_EXT" -md sha384

mk p-rsa2048 leaf-rsa2048 "/$O/CN=rsa2048.example.com" int-rsa int-rsa2048 3011 $L0 $L1 "$(leaf_ext DNS:rsa2048.example.com,DNS:www.rsa2048.example.com)"
mk p-rsa3072 rsa3072 "/$O/CN=rsa3072.example.com" int-rsa int-rsa2048 3012 $L0 $L1 "$(leaf_ext DNS:rsa3072.example.com)" -md sha384
mk p-rsa4096 root-rsa4096 "/$O/CN=rsa4096.example.com" int-rsa int-rsa2048 3013 $L0 $L1 "$(leaf_ext DNS:rsa4096.example.com)" -md sha512
mk p-p256 leaf-p256 "/$O/CN=p256.example.com" int-p256 int-p256 3014 $L0 $L1 "$(leaf_ext DNS:p256.example.com)"
mk p-p384 p384 "/$O/CN=p384.example.com" p-p384-ca p384 3015 $L0 $L1 "$(leaf_ext DNS:p384.example.com)" -md sha384
mk p-p521 p521 "/$O/CN=p521.example.com" int-p521 int-p521 3016 $L0 $L1 "$(leaf_ext DNS:p521.example.com)" -md sha512
mk p-ed25519 ed-leaf "/$O/CN=ed25519.example.com" p-ed-ca ed-int 3017 $L0 $L1 "$(leaf_ext DNS:ed25519.example.com)"
mk p-v1 root-p256 "/$O/CN=XCV Parse V1 Root" self - 3018 $R0 $R1 -
mk p-v1-leaf leaf-rsa2048 "/$O/CN=v1.example.com" p-v1 root-p256 3019 $L0 $L1 -
mk p-san-shapes leaf-p256 "/$O/CN=sans.example.com" int-p256 int-p256 3020 $L0 $L1 \
    "$LEAF_SERVER
subjectAltName=DNS:sans.example.com,DNS:*.wild.example.com,IP:192.0.2.1,IP:2001:db8::1,email:admin@example.com,URI:https://sans.example.com/path,dirName:dir_sect
[dir_sect]
C=US
O=XCV Test
CN=Directory Name"
mk p-san-email leaf-p256 "/CN=Alice Example/emailAddress=alice@example.com" int-p256 int-p256 3021 $L0 $L1 \
    "$LEAF_BASE
extendedKeyUsage=emailProtection
subjectAltName=email:alice@example.com"
mk p-san-uri leaf-p256 "/$O/CN=workload" int-p256 int-p256 3022 $L0 $L1 \
    "$LEAF_BASE
extendedKeyUsage=clientAuth
subjectAltName=critical,URI:spiffe://example.org/ns/default/sa/app"
mk p-san-ip-only leaf-p256 "/$O/CN=198.51.100.7" int-p256 int-p256 3023 $L0 $L1 \
    "$(leaf_ext IP:198.51.100.7,IP:::1)"
mk p-no-san leaf-p256 "/$O/CN=nosan.example.com" int-p256 int-p256 3024 $L0 $L1 "$LEAF_SERVER"
mk p-many-ext ca2-p256 "/$O/CN=XCV Parse Many Extensions CA" int-rsa int-rsa2048 3025 $I0 $I1 \
    "basicConstraints=critical,CA:TRUE,pathlen:1
keyUsage=critical,keyCertSign,cRLSign,digitalSignature
extendedKeyUsage=serverAuth,clientAuth,emailProtection,codeSigning,timeStamping,OCSPSigning
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always
nameConstraints=critical,permitted;DNS:example.com,permitted;IP:192.0.2.0/255.255.255.0,excluded;DNS:bad.example.com
certificatePolicies=2.23.140.1.2.1,1.3.6.1.4.1.55555.2
policyConstraints=critical,requireExplicitPolicy:0
inhibitAnyPolicy=critical,0
crlDistributionPoints=URI:http://crl.example.com/ca.crl
authorityInfoAccess=OCSP;URI:http://ocsp.example.com,caIssuers;URI:http://ca.example.com/ca.crt
issuerAltName=URI:http://ca.example.com
subjectAltName=DNS:ca.example.com"
mk p-unkcrit leaf-rsa2048 "/$O/CN=unkcrit.example.com" int-rsa int-rsa2048 3026 $L0 $L1 \
    "$(leaf_ext DNS:unkcrit.example.com)
1.3.6.1.4.1.55555.1.1=critical,ASN1:UTF8String:must understand"
mk p-unknoncrit leaf-rsa2048 "/$O/CN=unknoncrit.example.com" int-rsa int-rsa2048 3027 $L0 $L1 \
    "$(leaf_ext DNS:unknoncrit.example.com)
1.3.6.1.4.1.55555.1.1=ASN1:UTF8String:may ignore"
mk p-ca-pathlen3 ca2-p256 "/$O/CN=XCV Parse PathLen 3 CA" root-rsa root-rsa2048 3028 $I0 $I1 "$(ca_ext 3)"
mk p-noncrit-bc leaf-p256 "/$O/CN=noncrit.example.com" int-p256 int-p256 3029 $L0 $L1 \
    "basicConstraints=CA:FALSE
keyUsage=digitalSignature
extendedKeyUsage=critical,serverAuth
subjectAltName=DNS:noncrit.example.com"
mk p-pss leaf-rsa2048 "/$O/CN=pss.example.com" int-rsa int-rsa2048 3030 $L0 $L1 "$(leaf_ext DNS:pss.example.com)" "${PSS[@]}"
mk p-pss384 leaf-rsa2048 "/$O/CN=pss384.example.com" int-rsa int-rsa2048 3031 $L0 $L1 "$(leaf_ext DNS:pss384.example.com)" \
    -md sha384 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest
mk p-sha1 leaf-rsa2048 "/$O/CN=sha1.example.com" int-rsa int-rsa2048 3032 $L0 $L1 "$(leaf_ext DNS:sha1.example.com)" -md sha1
mk p-ecdsa-sha512 leaf-rsa2048 "/$O/CN=ecdsa512.example.com" int-p256 int-p256 3033 $L0 $L1 "$(leaf_ext DNS:ecdsa512.example.com)" -md sha512
mk p-serial-zero leaf-p256 "/$O/CN=serial0.example.com" int-p256 int-p256 00 $L0 $L1 "$(leaf_ext DNS:serial0.example.com)"
mk p-serial-20 leaf-p256 "/$O/CN=serial20.example.com" int-p256 int-p256 7F0102030405060708090A0B0C0D0E0F10111213 $L0 $L1 "$(leaf_ext DNS:serial20.example.com)"
mk p-serial-21 leaf-p256 "/$O/CN=serial21.example.com" int-p256 int-p256 7F0102030405060708090A0B0C0D0E0F1011121314 $L0 $L1 "$(leaf_ext DNS:serial21.example.com)"
mk p-gentime leaf-p256 "/$O/CN=gentime.example.com" int-p256 int-p256 3034 $L0 20550101000000Z "$(leaf_ext DNS:gentime.example.com)"
# Negative serial: `openssl ca` refuses one; `openssl x509 -req -set_serial`
# accepts it, with the clock frozen by faketime for fixed dates.
openssl req -new -key "$K/leaf-p256.key" -subj "/$O/CN=negserial.example.com" -out "$W/neg.csr"
leaf_ext DNS:negserial.example.com | sed -e 's/keyid:always/keyid/' >"$W/neg.ext"
faketime '2025-06-01 00:00:00' openssl x509 -req -in "$W/neg.csr" -CA "$W/int-p256.pem" \
    -CAkey "$K/int-p256.key" -set_serial -4660 -days 5327 -extfile "$W/neg.ext" \
    -out "$W/p-serial-neg.pem" 2>/dev/null

for id in p-rsa2048 p-rsa3072 p-rsa4096 p-p256 p-p384 p-p521 p-ed25519 p-v1 p-v1-leaf \
    p-san-shapes p-san-email p-san-uri p-san-ip-only p-no-san p-many-ext p-unkcrit p-unknoncrit \
    p-ca-pathlen3 p-noncrit-bc p-pss p-pss384 p-sha1 p-ecdsa-sha512 p-serial-zero p-serial-20 p-serial-21 \
    p-gentime p-serial-neg p-ed-ca p-p384-ca; do
    der "$id" "$P/${id#p-}.der"
done
der root-rsa "$P/root-rsa2048.der"
der int-p256 "$P/int-p256.der"
der int-pl0 "$P/ca-pathlen0.der"
der int-nc "$P/ca-nc.der"
der root-rsa4096 "$P/root-rsa4096.der"

# Corrupt files, derived from rsa2048.der.
python3 - "$P" <<'EOF'
import sys
d = sys.argv[1]
good = open(d + '/rsa2048.der', 'rb').read()
def put(name, data):
    open(d + '/' + name, 'wb').write(data)
put('bad-truncated.der', good[:-10])
put('bad-trailing.der', good + b'\x00\x00')
put('bad-outer-tag.der', b'\x31' + good[1:])
# Outer length 0x82 LL LL replaced by the indefinite form 0x80 (+ 2 content bytes).
put('bad-indefinite.der', b'\x30\x80' + good[4:] + b'\x00\x00')
# Outer signatureAlgorithm sha256WithRSAEncryption -> sha384WithRSAEncryption
# (the TBS copy keeps sha256): outer and inner algorithms differ.
oid = bytes.fromhex('2a864886f70d01010b')
i = good.rindex(oid)
put('bad-sigalg-mismatch.der', good[:i + 8] + b'\x0c' + good[i + 9:])
# Version field [0] INTEGER 3 (v4) is not a defined version.
j = good.index(bytes.fromhex('a003020102'))
put('bad-version.der', good[:j + 4] + b'\x03' + good[j + 5:])
EOF

# file version key bits sig_alg is_ca path_len san_count ext_flags expect
man rsa2048.der 3 XCV_KEY_RSA 2048 XCV_SIG_RSA_PKCS1_SHA256 0 -1 2 "$LEAFX" XCV_OK
man rsa3072.der 3 XCV_KEY_RSA 3072 XCV_SIG_RSA_PKCS1_SHA384 0 -1 1 "$LEAFX" XCV_OK
man rsa4096.der 3 XCV_KEY_RSA 4096 XCV_SIG_RSA_PKCS1_SHA512 0 -1 1 "$LEAFX" XCV_OK
man p256.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 1 "$LEAFX" XCV_OK
man p384.der 3 XCV_KEY_EC 384 XCV_SIG_ECDSA_SHA384 0 -1 1 "$LEAFX" XCV_OK
man p521.der 3 XCV_KEY_EC 521 XCV_SIG_ECDSA_SHA512 0 -1 1 "$LEAFX" XCV_OK
man ed25519.der 3 XCV_KEY_ED25519 256 XCV_SIG_ED25519 0 -1 1 "$LEAFX" XCV_OK
man ed-ca.der 3 XCV_KEY_ED25519 256 XCV_SIG_ED25519 1 -1 0 "$ROOTX,flag:self_issued" XCV_OK
man p384-ca.der 3 XCV_KEY_EC 384 XCV_SIG_ECDSA_SHA384 1 -1 0 "$ROOTX,flag:self_issued" XCV_OK
man v1.der 1 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 0 "flag:self_issued" XCV_OK
man v1-leaf.der 1 XCV_KEY_RSA 2048 XCV_SIG_ECDSA_SHA256 0 -1 0 - XCV_OK
man san-shapes.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 7 "bc!,ku!,eku,ski,aki,san" XCV_OK
man san-email.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 1 "bc!,ku!,eku,ski,aki,san" XCV_OK
man san-uri.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 1 "bc!,ku!,eku,ski,aki,san!" XCV_OK
man san-ip-only.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 2 "$LEAFX" XCV_OK
man no-san.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 0 "bc!,ku!,eku,ski,aki" XCV_OK
man many-ext.der 3 XCV_KEY_EC 256 XCV_SIG_RSA_PKCS1_SHA256 1 1 1 "bc!,ku!,eku,ski,aki,nc!,pol,pc!,iap!,crldp,aia,ian,san" XCV_OK
man unkcrit.der 3 XCV_KEY_RSA 2048 XCV_SIG_RSA_PKCS1_SHA256 0 -1 1 "$LEAFX,other!,flag:unknown_critical" XCV_OK
man unknoncrit.der 3 XCV_KEY_RSA 2048 XCV_SIG_RSA_PKCS1_SHA256 0 -1 1 "$LEAFX,other" XCV_OK
man ca-pathlen3.der 3 XCV_KEY_EC 256 XCV_SIG_RSA_PKCS1_SHA256 1 3 0 "$CAX" XCV_OK
man ca-pathlen0.der 3 XCV_KEY_EC 256 XCV_SIG_RSA_PKCS1_SHA256 1 0 0 "$CAX" XCV_OK
man ca-nc.der 3 XCV_KEY_EC 256 XCV_SIG_RSA_PKCS1_SHA256 1 -1 0 "$CAX,nc!" XCV_OK
man noncrit-bc.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 1 "bc,ku,eku!,san,ski,aki" XCV_OK
man pss.der 3 XCV_KEY_RSA 2048 XCV_SIG_RSA_PSS 0 -1 1 "$LEAFX" XCV_OK
man pss384.der 3 XCV_KEY_RSA 2048 XCV_SIG_RSA_PSS 0 -1 1 "$LEAFX" XCV_OK
man sha1.der 3 XCV_KEY_RSA 2048 XCV_SIG_RSA_PKCS1_SHA1 0 -1 1 "$LEAFX" XCV_OK
man ecdsa-sha512.der 3 XCV_KEY_RSA 2048 XCV_SIG_ECDSA_SHA512 0 -1 1 "$LEAFX" XCV_OK
man serial-zero.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 1 "$LEAFX,flag:zero_serial" XCV_OK
man serial-20.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 1 "$LEAFX" XCV_OK
man serial-21.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 1 "$LEAFX,flag:serial_too_long" XCV_OK
man serial-neg.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 1 "$LEAFX,flag:negative_serial" XCV_OK
man gentime.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 0 -1 1 "$LEAFX" XCV_OK
man root-rsa2048.der 3 XCV_KEY_RSA 2048 XCV_SIG_RSA_PKCS1_SHA256 1 -1 0 "$ROOTX,flag:self_issued" XCV_OK
man root-rsa4096.der 3 XCV_KEY_RSA 4096 XCV_SIG_RSA_PKCS1_SHA384 1 -1 0 "$ROOTX,flag:self_issued" XCV_OK
man int-p256.der 3 XCV_KEY_EC 256 XCV_SIG_ECDSA_SHA256 1 -1 0 "$CAX" XCV_OK
man bad-truncated.der - - - - - - - - XCV_ERR_DER_TRUNCATED
man bad-trailing.der - - - - - - - - XCV_ERR_DER_TRAILING_DATA
man bad-outer-tag.der - - - - - - - - XCV_ERR_DER_UNEXPECTED_TAG
man bad-indefinite.der - - - - - - - - XCV_ERR_DER_INDEFINITE_LENGTH
man bad-sigalg-mismatch.der - - - - - - - - XCV_ERR_CERT_SIG_ALG_MISMATCH
man bad-version.der - - - - - - - - XCV_ERR_CERT_BAD_VERSION

echo "gen.sh: done ($(du -sh "$V" | cut -f1) in vectors/)"
