// Peer client: @aws-sdk/client-s3 + @aws-sdk/lib-storage, as a Node user would write it.
// usage: node node_upload.mjs ENDPOINT BUCKET (dir SRC_DIR PREFIX | file SRC_FILE KEY) CONCURRENCY CHECKSUM
//   CHECKSUM: CRC32C, CRC32, ... or "none" (no x-amz-checksum-*; WHEN_REQUIRED)
// Credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Path-style (forcePathStyle).
import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent } from "node:http";
import fs from "node:fs";
import path from "node:path";

const [ep, bucket, mode, src, dst, concurrencyText = "10", checksumText = "none"] = process.argv.slice(2);
const concurrency = Number(concurrencyText);
const checksum = checksumText === "none" ? undefined : checksumText;
const client = new S3Client({
  endpoint: ep, region: "us-east-1", forcePathStyle: true,
  // With a ChecksumAlgorithm on each request the SDK sends x-amz-checksum-* as a header for
  // Buffer bodies; WHEN_REQUIRED keeps it from adding one when the run asks for none.
  requestChecksumCalculation: "WHEN_REQUIRED",
  requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: concurrency }) }),
});

if (mode === "dir") {
  const names = fs.readdirSync(src).sort();
  let next = 0;
  async function worker() {
    while (next < names.length) {
      const n = names[next++];
      const body = await fs.promises.readFile(path.join(src, n));
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${dst}/${n}`, Body: body,
                                               ChecksumAlgorithm: checksum }));
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  console.log(`uploaded ${names.length} files`);
} else {
  const up = new Upload({ client, params: { Bucket: bucket, Key: dst, Body: fs.createReadStream(src),
                                            ChecksumAlgorithm: checksum },
                          partSize: 8 * 1024 * 1024, queueSize: concurrency });
  await up.done();
  console.log("uploaded", dst);
}
