// embargo customers import, embargo rescreen, embargo alerts list|show|decide.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <ostream>

#include "cli/batch_input.h"
#include "cli/customer_selection.h"
#include "cli/store_commands.h"
#include "common/json_text.h"
#include "store/alerts.h"
#include "store/audit.h"
#include "store/customers.h"
#include "store/rescreen.h"
#include "store/store.h"

namespace embargo::cli {
namespace {

std::string MatchedName(const store::Alert& a) {
  auto j = nlohmann::json::parse(a.explanation, nullptr, false);
  if (j.is_object() && j.contains("matched_name") && j["matched_name"].is_string()) {
    return j["matched_name"].get<std::string>();
  }
  return "";
}

}  // namespace

int RunCustomersImport(const CustomersImportArgs& args, std::ostream& out, std::ostream& err) {
  const std::string shown = args.path == "-" ? "<stdin>" : args.path;
  auto input = ReadBatchInput(args.path, args.mappings,
                              BatchDecoding{args.encoding, args.date_order, args.sheet});
  if (!input.ok()) {
    err << "embargo customers import: " << input.error().ToString() << " (nothing stored)\n";
    return 1;
  }
  for (const std::string& w : input->warnings) err << "warning: " << w << '\n';
  if (!input->rows.empty() && std::all_of(input->rows.begin(), input->rows.end(),
                                          [](const BatchRow& r) { return r.numbered; })) {
    err << "embargo customers import: " << shown
        << ": no row has an id (an 'id' column is required; map one with --map HEADER=id; "
           "nothing stored)\n";
    return 1;
  }
  CustomerSelection selection = SelectCustomers(*input, shown);
  std::ofstream report_file;
  if (!args.report.empty()) {
    report_file.open(args.report);
    if (!report_file) {
      err << "embargo customers import: " << args.report
          << ": cannot open the report for writing (nothing stored)\n";
      return 1;
    }
  }
  auto store = OpenWritableStore(args.store, args.audit, "embargo customers import", err);
  if (!store) return 1;
  auto imported = store::ImportCustomers(*store->db, selection.accepted, shown, "");
  if (!imported.ok()) {
    err << "embargo customers import: " << shown << ": " << imported.error().ToString()
        << " (nothing stored)\n";
    return 1;
  }
  out << fmt::format(
      "{} records: {} added, {} updated, {} unchanged; {} refused, {} stored with warnings\n",
      input->rows.size(), imported->added, imported->updated, imported->unchanged,
      selection.refused, selection.with_warnings);
  std::ostream& report = args.report.empty() ? out : report_file;
  for (const std::string& line : selection.report) report << line << '\n';
  report.flush();
  if (!report) {
    err << "embargo customers import: " << args.report << ": cannot write the report\n";
    return 1;
  }
  if (selection.refused > 0) {
    err << fmt::format("embargo customers import: {} of {} rows refused (see the report{})\n",
                       selection.refused, input->rows.size(),
                       args.report.empty() ? " above" : ": " + args.report);
    if (!PublishAuditHead(*store, "embargo customers import", out, err)) return 1;
    return 3;
  }
  return PublishAuditHead(*store, "embargo customers import", out, err) ? 0 : 1;
}

int RunRescreen(const RescreenArgs& args, std::ostream& out, std::ostream& err) {
  auto store = OpenWritableStore(args.store, args.audit, "embargo rescreen", err);
  if (!store) return 1;
  store::RescreenOptions options;
  options.full = args.full;
  options.threshold = args.threshold;
  options.threads = args.threads;
  options.chunk_size = args.chunk;
  auto report = store::Rescreen(*store->db, options);
  // A run that failed half-way committed its first chunks: publish them too.
  bool published = PublishAuditHead(*store, "embargo rescreen", out, err);
  if (!report.ok()) {
    err << "embargo rescreen: " << report.error().ToString() << '\n';
    return 1;
  }
  const store::RescreenReport& r = *report;
  if (r.interrupted_runs > 0) {
    out << fmt::format("found {} interrupted run(s); redone by this one\n", r.interrupted_runs);
  }
  out << fmt::format("run {} ({}) against", r.run_id, r.mode);
  for (const store::ListVersion& v : r.versions) {
    out << fmt::format(" {}@{} ({})", v.dataset, v.id, v.effective_date);
  }
  out << '\n';
  if (r.mode == "delta") {
    out << fmt::format("  list changes: {} entities added or changed, {} removed\n",
                       r.delta_entities, r.removed_entities);
  }
  out << fmt::format(
      "  customers: {} registered; {} screened against everything, {} against the changes only\n",
      r.customers, r.screened_full, r.screened_delta);
  out << fmt::format(
      "  alerts: {} opened, {} closed, {} updated, {} suppressed (false positives)\n", r.opened,
      r.closed, r.refreshed, r.suppressed);
  out << fmt::format("  time: {:.2f} s (lists and index {:.2f} s, screening {:.2f} s)\n",
                     r.total_seconds, r.load_seconds, r.screen_seconds);
  return published ? 0 : 1;
}

int RunAlertsList(const AlertsArgs& args, std::ostream& out, std::ostream& err) {
  auto db = OpenStoreFor(args.store, "embargo alerts", err);
  if (db == nullptr) return 1;
  store::AlertFilter filter;
  filter.status = args.status;
  filter.include_closed = args.all;
  filter.customer = args.customer;
  filter.limit = args.limit;
  auto alerts = store::ListAlerts(*db, filter);
  if (!alerts.ok()) {
    err << "embargo alerts: " << alerts.error().ToString() << '\n';
    return 1;
  }
  if (args.format == "json") {
    for (const store::Alert& a : *alerts) out << JsonText(store::AlertToJson(a)) << '\n';
    return 0;
  }
  out << fmt::format("{:>6} {:<10} {:<14} {:<26} {:<24} {:>5}  {}\n", "id", "customer", "status",
                     "customer name", "entity", "score", "listed as");
  for (const store::Alert& a : *alerts) {
    std::string status = a.live() ? a.status : "closed";
    out << fmt::format("{:>6} {:<10} {:<14} {:<26} {:<24} {:>5.3f}  {}\n", a.id, a.customer, status,
                       a.customer_name.substr(0, 26), a.entity_id, a.score, MatchedName(a));
  }
  auto counts = store::AlertCounts(*db);
  if (counts.ok()) {
    out << "totals:";
    for (const auto& [status, n] : *counts) out << fmt::format(" {} {}", status, n);
    out << '\n';
  }
  return 0;
}

int RunAlertsShow(const AlertsArgs& args, std::ostream& out, std::ostream& err) {
  auto db = OpenStoreFor(args.store, "embargo alerts show", err);
  if (db == nullptr) return 1;
  auto alert = store::GetAlert(*db, args.id);
  if (!alert.ok()) {
    err << "embargo alerts show: " << alert.error().ToString() << '\n';
    return 1;
  }
  auto decisions = store::AlertDecisions(*db, args.id);
  if (!decisions.ok()) {
    err << "embargo alerts show: " << decisions.error().ToString() << '\n';
    return 1;
  }
  nlohmann::json j = store::AlertToJson(*alert, *decisions);
  out << JsonText(j, 2) << '\n';
  return 0;
}

int RunAlertsDecide(const AlertsArgs& args, std::ostream& out, std::ostream& err) {
  auto store = OpenWritableStore(args.store, args.audit, "embargo alerts decide", err);
  if (!store) return 1;
  std::string analyst = args.analyst.empty() ? store::CurrentUser() : args.analyst;
  auto alert = store::DecideAlert(*store->db, args.id, args.decision, args.note, analyst);
  if (!alert.ok()) {
    err << "embargo alerts decide: " << alert.error().ToString() << '\n';
    return 1;
  }
  out << fmt::format("alert {}: {} by {}{}\n", alert->id, alert->status, analyst,
                     alert->live() ? "" : " (closed; the pair is suppressed until either changes)");
  return PublishAuditHead(*store, "embargo alerts decide", out, err) ? 0 : 1;
}

}  // namespace embargo::cli
