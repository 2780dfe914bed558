// POST /payments/screen: screens the payment messages in the request body,
// raw as banks exchange them: ISO 20022 XML (pacs.008, pacs.009, pain.001,
// with or without an application header) or SWIFT MT FIN blocks (MT103,
// MT202, MT202COV; several separated by '$'). Parameter: threshold (the
// name alert threshold, finite, 0..1).
// Answers {"decision": "hold"|"pass", "messages": [screening...]} with one
// entry per message (payments/screening_json.h: its decision, the hits with
// field paths, scores and explanations, the parties read), "errors":
// [{"file", "line", "error"}] for messages that could not be read (the
// others are still screened); a body with no readable message is a 400
// naming the first error. With `cases` (the service started with --store),
// hits a good-guy entry covers are reported under "cleared" and each held
// message becomes a payment case, its id under "case_id" (a case already
// held for the same message is returned, not opened again). Thread-safe:
// reads only the pinned snapshot; `cases` must be safe to call.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "embargo/status.h"
#include "payments/payment_screener.h"
#include "service/http_types.h"

namespace embargo::service {

struct PaymentCaseHooks {
  std::function<bool(const payments::Hit&)> cleared;
  // Records a held message as a case; its id.
  std::function<Result<int64_t>(const payments::Message&, const payments::Screening&)> record;
  // Called for every message screened, with its case id (0 when none).
  std::function<void(const payments::Message&, const payments::Screening&, int64_t case_id)>
      screened;
};

Response HandlePaymentsScreen(const ServingSnapshot& snapshot, const Params& params,
                              const std::string& body, const PaymentCaseHooks* cases = nullptr);

}  // namespace embargo::service
