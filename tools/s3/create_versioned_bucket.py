#!/usr/bin/env python3
"""Create a bucket (if absent) and switch versioning on; the demo's only use of boto3.

usage: create_versioned_bucket.py ENDPOINT BUCKET
Keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Exits non-zero unless the server then
reports versioning Status=Enabled.
"""
import os
import sys

import boto3
from botocore.config import Config


def main(endpoint: str, bucket: str) -> None:
    os.environ.pop("AWS_CA_BUNDLE", None)  # may name a bundle botocore cannot load; http needs none
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                      config=Config(s3={"addressing_style": "path"}))
    try:
        s3.create_bucket(Bucket=bucket)
    except s3.exceptions.BucketAlreadyOwnedByYou:
        pass
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    status = s3.get_bucket_versioning(Bucket=bucket).get("Status")
    if status != "Enabled":
        sys.exit(f"bucket '{bucket}': versioning is '{status}' after enabling it; "
                 "the server does not support versioning")
    print(f"bucket '{bucket}' ready, versioning Enabled")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: create_versioned_bucket.py ENDPOINT BUCKET")
    main(sys.argv[1], sys.argv[2])
