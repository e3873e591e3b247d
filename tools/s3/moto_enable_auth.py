#!/usr/bin/env python3
"""Create an IAM user with s3:* (and a role it may assume) in a running moto server, then switch
on SigV4 checking.

usage: moto_enable_auth.py http://127.0.0.1:PORT   -> prints 'ACCESS_KEY SECRET_KEY'

Auth must be switched on after the user exists: with INITIAL_NO_AUTH_ACTION_COUNT=0 at startup
even CreateUser needs a key that already exists.
"""
import json
import sys
import urllib.request

import boto3


def main(endpoint: str) -> None:
    iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1",
                       aws_access_key_id="bootstrap", aws_secret_access_key="bootstrap")
    iam.create_user(UserName="tester")
    iam.put_user_policy(UserName="tester", PolicyName="s3all", PolicyDocument=json.dumps(
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
    # Temporary keys for the credential stand-ins (tests/credentials_standins): tester may
    # assume this role, and moto then checks the role's keys and session token like AWS does.
    s3_all = json.dumps({"Version": "2012-10-17",
                         "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})
    role = iam.create_role(RoleName="quiltup-uploader", AssumeRolePolicyDocument=json.dumps(
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}))
    iam.put_role_policy(RoleName="quiltup-uploader", PolicyName="s3all", PolicyDocument=s3_all)
    iam.put_user_policy(UserName="tester", PolicyName="assume-uploader", PolicyDocument=json.dumps(
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": role["Role"]["Arn"]}]}))
    key = iam.create_access_key(UserName="tester")["AccessKey"]
    # from now on every request must carry a valid signature from a known key
    request = urllib.request.Request(endpoint + "/moto-api/reset-auth", data=b"0", method="POST",
                                     headers={"Content-Type": "text/plain"})
    urllib.request.urlopen(request, timeout=30).read()
    print(key["AccessKeyId"], key["SecretAccessKey"])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: moto_enable_auth.py http://127.0.0.1:PORT")
    main(sys.argv[1])
