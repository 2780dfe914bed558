#include "service/payments_handler.h"

#include <fmt/format.h>

#include "common/json_writer.h"
#include "common/strings.h"
#include "payments/payment_screener.h"
#include "payments/read_payments.h"
#include "payments/screening_json.h"

namespace embargo::service {

Response HandlePaymentsScreen(const ServingSnapshot& snapshot, const Params& params,
                              const std::string& body, const PaymentCaseHooks* cases) {
  if (snapshot.payments == nullptr) return ErrorResponse(503, "payment screening is not loaded");
  payments::PaymentScreenOptions options;
  if (cases != nullptr) options.cleared = cases->cleared;
  // The service's threshold is the payment control's: a caller may lower it
  // (hold more), never raise it (any key turned a hold into a pass with
  // threshold=1.0: a new user's trial).
  std::string threshold = Param(params, "threshold");
  if (!threshold.empty()) {
    std::optional<double> value = ParseFiniteInRange(threshold, 0, 1);
    if (!value) return ErrorResponse(400, "threshold must be a number from 0 to 1");
    if (*value > options.threshold) {
      return ErrorResponse(
          400, fmt::format("threshold {} is above the service's {:.2f}: a caller may lower it "
                           "(hold more), not raise it",
                           threshold, options.threshold));
    }
    options.threshold = *value;
  }
  if (Trim(body).empty()) {
    return ErrorResponse(400, "empty body: send an ISO 20022 XML or SWIFT MT message");
  }
  std::vector<payments::ParsedMessage> parsed = payments::ParsePayments(body, "request");
  size_t readable = 0;
  for (const payments::ParsedMessage& p : parsed) readable += p.message ? 1 : 0;
  if (readable == 0) {
    return ErrorResponse(
        400, parsed.empty() ? "no payment message in the body" : parsed[0].error->ToString());
  }
  struct Screened {
    const payments::Message* message;
    payments::Screening screening;
    int64_t case_id = 0;
  };
  std::vector<Screened> screened;
  size_t holds = 0;
  for (const payments::ParsedMessage& p : parsed) {
    if (!p.message) continue;
    screened.push_back({&*p.message, snapshot.payments->Screen(*p.message, options)});
    if (screened.back().screening.decision != "hold") continue;
    ++holds;
    if (cases == nullptr || !cases->record) continue;
    auto recorded = cases->record(*p.message, screened.back().screening);
    if (!recorded.ok()) {
      return ErrorResponse(
          500, "the held message could not be recorded as a case: " + recorded.error().ToString());
    }
    screened.back().case_id = *recorded;
  }
  if (cases != nullptr && cases->screened) {
    for (const Screened& s : screened) cases->screened(*s.message, s.screening, s.case_id);
  }
  Response r;
  JsonWriter w(r.text);
  w.BeginObject();
  // A message that could not be read was not screened: the body is held, not
  // passed on the strength of the others (fail closed).
  w.Member("decision", holds > 0 || readable < parsed.size() ? "hold" : "pass");
  w.Key("messages");
  w.BeginArray();
  for (const Screened& s : screened)
    payments::WriteScreening(w, *s.message, s.screening, s.case_id);
  w.EndArray();
  w.Key("errors");
  w.BeginArray();
  for (const payments::ParsedMessage& p : parsed) {
    if (!p.message) payments::WriteParseError(w, *p.error);
  }
  w.EndArray();
  w.EndObject();
  r.queries = readable;
  r.alerts = holds;
  return r;
}

}  // namespace embargo::service
