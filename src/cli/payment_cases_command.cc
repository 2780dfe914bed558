// embargo payments cases list|show|decide|review.
#include <fmt/format.h>

#include <ostream>

#include "cli/payments_command.h"
#include "cli/screen_command.h"
#include "cli/store_commands.h"
#include "cli/text_columns.h"
#include "common/json_text.h"
#include "store/audit.h"
#include "store/payment_cases.h"

namespace embargo::cli {
namespace {

// "creditor RI WON HO -> un_sc_sanctions-KPi.033" for the first hit, and
// how many more.
std::string FirstHit(const store::PaymentCase& c) {
  auto hits = nlohmann::json::parse(c.hits, nullptr, false);
  if (!hits.is_array() || hits.empty() || !hits[0].is_object()) return "";
  const nlohmann::json& hit = hits[0];
  std::string matched = hit.contains("good_guy") && hit["good_guy"].is_object()
                            ? hit["good_guy"].value("entity_id", "")
                            : "";
  std::string out =
      fmt::format("{} {} -> {}", hit.value("path", ""), hit.value("text", ""), matched);
  if (hits.size() > 1) out += fmt::format(" (+{} more)", hits.size() - 1);
  return out;
}

// What a release did: " (2 good-guy entries: ...)"; "" for a block.
std::string ReleaseEffect(store::Database& db, const store::PaymentCase& c) {
  if (c.status != "released") return "";
  auto good_guys = store::CaseGoodGuys(db, c.id);
  size_t n = good_guys.ok() ? good_guys->size() : 0;
  return fmt::format(
      " ({} good-guy {}: the same text in the same field is cleared until it or the listing "
      "changes)",
      n, n == 1 ? "entry" : "entries");
}

}  // namespace

int RunPaymentCasesList(const PaymentCasesArgs& args, std::ostream& out, std::ostream& err) {
  auto db = OpenStoreFor(args.store, "embargo payments cases", err);
  if (db == nullptr) return 1;
  store::PaymentCaseFilter filter;
  filter.status = args.status;
  filter.limit = args.limit;
  auto cases = store::ListPaymentCases(*db, filter);
  if (!cases.ok()) {
    err << "embargo payments cases: " << cases.error().ToString() << '\n';
    return 1;
  }
  if (args.format == "json") {
    for (const store::PaymentCase& c : *cases) out << JsonText(store::PaymentCaseToJson(c)) << '\n';
    return 0;
  }
  out << fmt::format("{:>6} {:<9} {:<16} {} {:<24}  {}\n", "id", "status", "type",
                     FitColumn("message id", 24), "created", "first hit");
  for (const store::PaymentCase& c : *cases) {
    out << fmt::format("{:>6} {:<9} {:<16} {} {:<24}  {}\n", c.id, c.status, c.message_type,
                       FitColumn(c.message_id, 24), c.created_at, FirstHit(c));
  }
  auto counts = store::PaymentCaseCounts(*db);
  if (counts.ok()) {
    out << "totals:";
    for (const auto& [status, n] : *counts) out << fmt::format(" {} {}", status, n);
    out << '\n';
  }
  return 0;
}

int RunPaymentCasesShow(const PaymentCasesArgs& args, std::ostream& out, std::ostream& err) {
  auto db = OpenStoreFor(args.store, "embargo payments cases show", err);
  if (db == nullptr) return 1;
  auto c = store::GetPaymentCase(*db, args.id);
  if (!c.ok()) {
    err << "embargo payments cases show: " << c.error().ToString() << '\n';
    return 1;
  }
  auto decisions = store::PaymentCaseDecisions(*db, args.id);
  if (!decisions.ok()) {
    err << "embargo payments cases show: " << decisions.error().ToString() << '\n';
    return 1;
  }
  auto good_guys = store::CaseGoodGuys(*db, args.id);
  if (!good_guys.ok()) {
    err << "embargo payments cases show: " << good_guys.error().ToString() << '\n';
    return 1;
  }
  out << JsonText(store::PaymentCaseToJson(*c, *decisions, *good_guys), 2) << '\n';
  return 0;
}

int RunPaymentCasesDecide(const PaymentCasesArgs& args, std::ostream& out, std::ostream& err) {
  const char* command = "embargo payments cases decide";
  auto store = OpenWritableStore(args.store, args.audit, command, err);
  if (!store) return 1;
  std::string analyst = args.analyst.empty() ? store::CurrentUser() : args.analyst;
  auto decided = store::DecidePaymentCase(*store->db, args.id, args.decision, args.note, analyst,
                                          args.four_eyes);
  if (!decided.ok()) {
    err << command << ": " << decided.error().ToString() << '\n';
    return 1;
  }
  if (decided->pending && decided->pending->analyst == analyst && args.decision == "released") {
    out << fmt::format(
        "payment case {}: released by {}, waiting for a second person ({}): the case stays held "
        "until another analyst approves (payments cases review {} --approve)\n",
        decided->id, analyst, decided->pending->reason, decided->id);
    return PublishAuditHead(*store, command, out, err) ? 0 : 1;
  }
  out << fmt::format("payment case {}: {} by {}{}\n", decided->id, decided->status, analyst,
                     ReleaseEffect(*store->db, *decided));
  return PublishAuditHead(*store, command, out, err) ? 0 : 1;
}

int RunPaymentCasesReview(const PaymentCasesArgs& args, std::ostream& out, std::ostream& err) {
  const char* command = "embargo payments cases review";
  if (args.approve == args.reject) {
    err << command << ": say --approve or --reject\n";
    return kExitUsage;
  }
  auto store = OpenWritableStore(args.store, args.audit, command, err);
  if (!store) return 1;
  std::string reviewer = args.analyst.empty() ? store::CurrentUser() : args.analyst;
  auto reviewed = store::ReviewPaymentCase(*store->db, args.id, args.approve, args.note, reviewer);
  if (!reviewed.ok()) {
    err << command << ": " << reviewed.error().ToString() << '\n';
    return 1;
  }
  if (args.approve) {
    out << fmt::format("payment case {}: release approved by {}{}\n", reviewed->id, reviewer,
                       ReleaseEffect(*store->db, *reviewed));
  } else {
    out << fmt::format("payment case {}: release rejected by {}: the case stays held\n",
                       reviewed->id, reviewer);
  }
  return PublishAuditHead(*store, command, out, err) ? 0 : 1;
}

}  // namespace embargo::cli
