-- wrk script: single-name POST /match/default requests, rotating over names
-- that hit and names that do not (as a bank's onboarding traffic would).
local names = {
  "Lee Won-ho", "Maria Gonzalez Ruiz", "Muammar Gaddafi", "John Smith", "Kim Jong Un",
  "Korea Mining Development Trading Corp", "Ingeborg Abrahamsen", "Han Jang Su", "Chen Wei",
  "Mohammad Hossein Ahmadi", "Tanchon Commercial Bank", "Reni Mehdi Klemm", "Ri Yong Gil",
  "Isabella Joaquin Torres", "Usama bin Ladin", "Acme Widgets GmbH", "Ali Hassan",
  "Foreign Trade Bank", "Yusuf Ahmed", "Pak Han Se",
}
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local name = names[(counter % #names) + 1]
  local body = '{"queries":{"q":{"schema":"LegalEntity","properties":{"name":["' .. name .. '"]}}}}'
  return wrk.format(nil, "/match/default", nil, body)
end
local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
