#!/usr/bin/env python3
"""A small bearer-token server for the test registry (docker-registry's `auth: token`).

    token_server.py DIR PORT

Writes DIR/cert.pem (a fresh self-signed P-256 certificate: the registry's rootcertbundle),
then DIR/ready, and serves GET /token?service=…&scope=repository:NAME:ACTIONS on 127.0.0.1:PORT.
User "tester" with password "s3cret" gets the pull/push actions asked for; no credentials get a
token without access (so the registry answers 401); wrong ones get 401 here. Tokens are ES256
JWTs whose x5c header carries the certificate, which the registry verifies against the bundle.
Requests are logged to stdout."""
import base64
import datetime
import http.server
import json
import os
import sys
import time
import urllib.parse

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID

USER, PASSWORD = "tester", "s3cret"
ISSUER = "strata-test-issuer"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_cert(directory):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "strata-test-token")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    with open(os.path.join(directory, "cert.pem"), "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert


def token(key, cert, service, scopes, user):
    header = {"typ": "JWT", "alg": "ES256",
              "x5c": [base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()]}
    now = int(time.time())
    access = []
    if user:
        for scope in scopes:
            parts = scope.split(":")
            if len(parts) == 3 and parts[0] == "repository":
                access.append({"type": "repository", "name": parts[1], "actions": parts[2].split(",")})
    claims = {"iss": ISSUER, "sub": user or "", "aud": service, "exp": now + 300, "nbf": now - 10,
              "iat": now, "jti": os.urandom(8).hex(), "access": access}
    signing_input = (b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())).encode()
    r, s = decode_dss_signature(key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
    return signing_input.decode() + "." + b64url(r.to_bytes(32, "big") + s.to_bytes(32, "big"))


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    key, cert = make_cert(directory)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            url = urllib.parse.urlparse(self.path)
            if url.path != "/token":
                self.send_error(404)
                return
            q = urllib.parse.parse_qs(url.query)
            user = None
            auth = self.headers.get("Authorization", "")
            if auth.startswith("Basic "):
                u, _, p = base64.b64decode(auth[6:]).decode().partition(":")
                if (u, p) != (USER, PASSWORD):
                    self.send_response(401)
                    self.end_headers()
                    self.wfile.write(b'{"details":"invalid credentials"}')
                    return
                user = u
            body = json.dumps({"token": token(key, cert, q.get("service", [""])[0], q.get("scope", []), user),
                               "expires_in": 300}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, fmt, *args):
            print(fmt % args, flush=True)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    open(os.path.join(directory, "ready"), "w").close()
    server.serve_forever()


if __name__ == "__main__":
    main()
