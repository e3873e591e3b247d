#!/usr/bin/env python3
"""Peer client: boto3 + s3transfer's TransferManager, as `aws s3 cp --recursive` drives it.
usage: boto3_upload.py ENDPOINT BUCKET (dir SRC_DIR PREFIX | file SRC_FILE KEY) CONCURRENCY CHECKSUM
CHECKSUM: CRC32, CRC32C (needs awscrt), ... or none. Credentials from AWS_ACCESS_KEY_ID /
AWS_SECRET_ACCESS_KEY. Path-style addressing, 8 MiB parts."""
import os
import sys

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from s3transfer.manager import TransferManager

ep, bucket, mode, src, dst, concurrency, checksum = sys.argv[1:8]
concurrency = int(concurrency)
s3 = boto3.client("s3", endpoint_url=ep, region_name="us-east-1",
                  config=Config(s3={"addressing_style": "path"}, max_pool_connections=concurrency,
                                request_checksum_calculation="when_required"))
tc = TransferConfig(multipart_threshold=8 << 20, multipart_chunksize=8 << 20, max_concurrency=concurrency)
extra = {} if checksum == "none" else {"ChecksumAlgorithm": checksum}
with TransferManager(s3, tc) as tm:
    if mode == "dir":
        names = sorted(os.listdir(src))
        futures = [tm.upload(os.path.join(src, n), bucket, f"{dst}/{n}", extra_args=extra) for n in names]
    else:
        futures = [tm.upload(src, bucket, dst, extra_args=extra)]
    for f in futures:
        f.result()
print(f"uploaded {len(futures)} objects")
