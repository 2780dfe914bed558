-- wrk script: POST /payments/screen with raw messages, rotating over the
-- files named in $PAYMENT_FILES (space-separated: ISO 20022 XML or SWIFT MT
-- FIN), as a bank's payment filter would call it, one message per request.
local bodies = {}
for path in string.gmatch(os.getenv("PAYMENT_FILES") or "", "%S+") do
  local f = assert(io.open(path, "rb"))
  bodies[#bodies + 1] = f:read("*a")
  f:close()
end
assert(#bodies > 0, "set PAYMENT_FILES")
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/xml"
request = function()
  counter = counter + 1
  return wrk.format(nil, "/payments/screen", nil, bodies[(counter % #bodies) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
