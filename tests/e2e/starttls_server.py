#!/usr/bin/env python3
"""starttls_server.py -- a scripted SMTP/IMAP/POP3 server for the e2e tests.

usage: starttls_server.py smtp|imap|pop3 CHAIN.pem KEY.pem PORTFILE NCONN

Listens on 127.0.0.1 (kernel-chosen port, written to PORTFILE), speaks the
plaintext part of the protocol up to STARTTLS/STLS, then hands the socket to
python's ssl module as the TLS server. Serves NCONN connections, then exits;
exits by itself after 60 seconds in any case (SIGALRM).
"""
import signal
import socket
import ssl
import sys

GREETING = {
    "smtp": b"220 mail.xcv.test ESMTP xcv-e2e\r\n",
    "imap": b"* OK [CAPABILITY IMAP4rev1 STARTTLS] xcv-e2e ready\r\n",
    "pop3": b"+OK xcv-e2e POP3 ready\r\n",
}


def read_line(conn):
    """One line, byte by byte (never reads into the TLS ClientHello)."""
    out = b""
    while not out.endswith(b"\n"):
        c = conn.recv(1)
        if not c:
            raise EOFError("connection closed")
        out += c
    return out.rstrip(b"\r\n")


def plaintext(proto, conn):
    """Runs the protocol until the server agrees to start TLS."""
    conn.sendall(GREETING[proto])
    while True:
        line = read_line(conn)
        verb = line.split(b" ")
        if proto == "smtp":
            cmd = verb[0].upper()
            if cmd in (b"EHLO", b"HELO"):
                conn.sendall(b"250-mail.xcv.test\r\n250-8BITMIME\r\n250 STARTTLS\r\n")
            elif cmd == b"STARTTLS":
                conn.sendall(b"220 2.0.0 Ready to start TLS\r\n")
                return
            else:
                conn.sendall(b"502 5.5.2 not implemented\r\n")
        elif proto == "imap":
            tag = verb[0]
            cmd = verb[1].upper() if len(verb) > 1 else b""
            if cmd == b"STARTTLS":
                conn.sendall(tag + b" OK Begin TLS negotiation now\r\n")
                return
            if cmd == b"CAPABILITY":
                conn.sendall(b"* CAPABILITY IMAP4rev1 STARTTLS\r\n" + tag + b" OK done\r\n")
            else:
                conn.sendall(tag + b" BAD not implemented\r\n")
        else:
            cmd = verb[0].upper()
            if cmd == b"STLS":
                conn.sendall(b"+OK Begin TLS negotiation\r\n")
                return
            conn.sendall(b"-ERR not implemented\r\n")


def main():
    proto, chain, key, portfile, nconn = sys.argv[1:6]
    signal.alarm(60)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(chain, key)
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(4)
    with open(portfile + ".tmp", "w") as f:
        f.write("%d\n" % lsock.getsockname()[1])
    import os
    os.rename(portfile + ".tmp", portfile)
    for _ in range(int(nconn)):
        conn, _addr = lsock.accept()
        conn.settimeout(10)
        try:
            plaintext(proto, conn)
            tls = ctx.wrap_socket(conn, server_side=True)
            print("%s: TLS established (%s, %s)" % (proto, tls.version(), tls.cipher()[0]),
                  flush=True)
            try:
                tls.recv(1)
            except (OSError, ssl.SSLError):
                pass
            tls.close()
        except (OSError, EOFError, ssl.SSLError) as e:
            print("%s: connection failed: %s" % (proto, e), flush=True)
            conn.close()
    lsock.close()


if __name__ == "__main__":
    main()
