#!/usr/bin/env python3
"""Stand-ins for the credential endpoints quiltup's provider chain talks to, on 127.0.0.1.

The keys they hand out are real temporary keys of the local moto server (STS AssumeRole of
role quiltup-uploader with the fixture's IAM user, see tools/s3/moto_enable_auth.py), so an
upload signed with them is checked by moto, session token included.

usage: standin.py ROLE --moto-env FILE [options]
  ROLE registry   GET /api/auth/get_credentials, Authorization: Bearer <--jwt>
                  -> {"AccessKeyId","SecretAccessKey","SessionToken","Expiration"}   (quilt.md §3.1)
  ROLE container  GET <any path>, Authorization: <--token> when given
                  -> {"RoleArn","AccessKeyId","SecretAccessKey","Token","Expiration"} (ECS agent)
  ROLE imds       PUT /latest/api/token (X-aws-ec2-metadata-token-ttl-seconds required) -> token
                  GET /latest/meta-data/iam/security-credentials/[<role>] with
                  X-aws-ec2-metadata-token -> role name / {"Code":"Success",...,"Token",...}
                  (IMDSv2 only: a GET without a valid token gets 401)
  ROLE process    prints one credential_process document ({"Version": 1, ...}) and exits
Options:
  --mode M        ok (default) | bad_json | missing_fields | empty | html | status:N
  --lifetimes L   comma-separated seconds until Expiration for successive issues; the last
                  repeats (default 3600)
Servers print "PORT <n>" once listening. Test hooks (not part of any AWS/Quilt format):
  GET /_standin/count   {"count": credential documents served, "token_puts": IMDS token PUTs}
  GET /_standin/issued  [{"AccessKeyId","SecretAccessKey","SessionToken"}, ...] for secret scans
"""
import argparse
import datetime
import json
import os
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROLE_NAME = "quiltup-uploader"


def read_env(path):
    values = {}
    with open(path) as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                values[k] = v
    return values


class Issuer:
    """Assumes the moto role once per credential document served, and counts them."""

    def __init__(self, moto_env, lifetimes):
        import boto3  # imported here: the process role must start fast too
        env = read_env(moto_env)
        self.sts = boto3.client("sts", endpoint_url=env["endpoint"], region_name=env.get("region", "us-east-1"),
                                aws_access_key_id=env["access_key"], aws_secret_access_key=env["secret_key"])
        self.lifetimes = lifetimes
        self.lock = threading.Lock()
        self.count = 0
        self.token_puts = 0
        self.issued = []

    def issue(self):
        with self.lock:
            lifetime = self.lifetimes[min(self.count, len(self.lifetimes) - 1)]
            self.count += 1
            answer = self.sts.assume_role(RoleArn=f"arn:aws:iam::123456789012:role/{ROLE_NAME}",
                                          RoleSessionName=f"standin-{self.count}")["Credentials"]
            expiration = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=lifetime)
            doc = {"AccessKeyId": answer["AccessKeyId"], "SecretAccessKey": answer["SecretAccessKey"],
                   "SessionToken": answer["SessionToken"],
                   "Expiration": expiration.strftime("%Y-%m-%dT%H:%M:%SZ")}
            self.issued.append({k: doc[k] for k in ("AccessKeyId", "SecretAccessKey", "SessionToken")})
            return doc


def make_handler(role, issuer, args):
    imds_tokens = set()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def send(self, status, body, content_type="application/json"):
            data = body.encode() if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def hooks(self):
            if self.path == "/_standin/count":
                self.send(200, json.dumps({"count": issuer.count, "token_puts": issuer.token_puts}))
                return True
            if self.path == "/_standin/issued":
                self.send(200, json.dumps(issuer.issued))
                return True
            return False

        def answer_credentials(self, token_field):
            mode = args.mode
            if mode == "html":
                self.send(200, "<!DOCTYPE html><html><head><title>Quilt</title></head><body></body></html>",
                          "text/html; charset=utf-8")
            elif mode.startswith("status:"):
                self.send(int(mode[7:]), json.dumps({"message": "stand-in failure"}))
            elif mode == "empty":
                self.send(200, "")
            elif mode == "bad_json":
                self.send(200, '{"AccessKeyId": "ASIA", "SecretAccessKey": ')
            else:
                doc = issuer.issue()
                if token_field != "SessionToken":
                    doc[token_field] = doc.pop("SessionToken")
                if mode == "missing_fields":
                    doc.pop("SecretAccessKey")
                    doc.pop(token_field)
                if role == "container":
                    doc["RoleArn"] = f"arn:aws:iam::123456789012:role/{ROLE_NAME}"
                if role == "imds":
                    doc.update({"Code": "Success", "LastUpdated": doc["Expiration"], "Type": "AWS-HMAC"})
                self.send(200, json.dumps(doc))

        def do_PUT(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            if role != "imds" or self.path != "/latest/api/token":
                return self.send(404, "not found", "text/plain")
            if not self.headers.get("X-aws-ec2-metadata-token-ttl-seconds"):
                return self.send(400, "missing X-aws-ec2-metadata-token-ttl-seconds", "text/plain")
            token = secrets.token_urlsafe(24)
            imds_tokens.add(token)
            with issuer.lock:
                issuer.token_puts += 1
            self.send(200, token, "text/plain")

        def do_GET(self):
            if self.hooks():
                return
            if role == "registry":
                if self.path != "/api/auth/get_credentials":
                    return self.send(404, json.dumps({"message": "not found"}))
                if self.headers.get("Authorization") != "Bearer " + (args.jwt or ""):
                    return self.send(401, json.dumps({"message": "Invalid token"}))
                return self.answer_credentials("SessionToken")
            if role == "container":
                if args.token and self.headers.get("Authorization") != args.token:
                    return self.send(401, json.dumps({"message": "bad authorization token"}))
                return self.answer_credentials("Token")
            # imds
            if self.headers.get("X-aws-ec2-metadata-token") not in imds_tokens:
                return self.send(401, "", "text/plain")
            base = "/latest/meta-data/iam/security-credentials/"
            if self.path == base:
                return self.send(200, ROLE_NAME, "text/plain")
            if self.path == base + ROLE_NAME:
                return self.answer_credentials("Token")
            return self.send(404, "", "text/plain")

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("role", choices=["registry", "container", "imds", "process"])
    parser.add_argument("--moto-env", required=True)
    parser.add_argument("--jwt")
    parser.add_argument("--token")
    parser.add_argument("--mode", default="ok")
    parser.add_argument("--lifetimes", default="3600")
    args = parser.parse_args()
    issuer = Issuer(args.moto_env, [int(x) for x in args.lifetimes.split(",")])
    if args.role == "process":
        doc = issuer.issue()
        doc["Version"] = 1
        print(json.dumps(doc))
        return
    # Exit with the test that started us, even if it crashed before stopping us.
    parent = os.getppid()

    def watch_parent():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch_parent, daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args.role, issuer, args))
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
