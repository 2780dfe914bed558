// embargo customers import, embargo rescreen, embargo alerts list|show|decide.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <ostream>
#include <set>

#include "cli/batch_input.h"
#include "cli/customer_selection.h"
#include "cli/output_file.h"
#include "cli/store_commands.h"
#include "cli/text_columns.h"
#include "common/csv.h"
#include "common/json_text.h"
#include "common/xlsx_writer.h"
#include "store/alert_export.h"
#include "store/alerts.h"
#include "store/audit.h"
#include "store/customers.h"
#include "store/rescreen.h"
#include "store/store.h"

namespace embargo::cli {
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
  auto store = OpenWritableStore(args.store, args.audit, "embargo customers import", err,
                                 store::StoreOpening::kCreate);
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

namespace {

// The alerts `alerts list` and `alerts export` select: --status, --all,
// --customer, --pending; at most `limit`.
store::AlertFilter FilterOf(const AlertsArgs& args, int64_t limit) {
  store::AlertFilter filter;
  filter.status = args.status;
  filter.include_closed = args.all;
  filter.customer = args.customer;
  filter.pending_review = args.pending;
  if (!args.assignee.empty()) {
    filter.assignee = store::AssigneeNamed(args.assignee, store::CurrentUser());
  }
  if (args.older_than_days >= 0) filter.created_before = store::UtcDaysAgo(args.older_than_days);
  filter.limit = limit;
  return filter;
}

}  // namespace

int RunAlertsList(const AlertsArgs& args, std::ostream& out, std::ostream& err) {
  auto db = OpenStoreFor(args.store, "embargo alerts", err);
  if (db == nullptr) return 1;
  auto alerts = store::ListAlerts(*db, FilterOf(args, args.limit));
  if (!alerts.ok()) {
    err << "embargo alerts: " << alerts.error().ToString() << '\n';
    return 1;
  }
  if (args.format == "json") {
    for (const store::Alert& a : *alerts) out << JsonText(store::AlertToJson(a)) << '\n';
    return 0;
  }
  // status: the decided state (as `alerts show` and the JSON say it);
  // state: live, closed, or pending (a decision waits for a reviewer).
  out << fmt::format("{:>6} {} {} {} {} {} {} {:>5}  {}\n", "id", FitColumn("customer", 10),
                     FitColumn("status", 14), FitColumn("state", 7), FitColumn("assignee", 10),
                     FitColumn("customer name", 26), FitColumn("entity", 24), "score", "listed as");
  for (const store::Alert& a : *alerts) {
    out << fmt::format("{:>6} {} {} {} {} {} {} {:>5.3f}  {}\n", a.id, FitColumn(a.customer, 10),
                       FitColumn(a.status, 14), FitColumn(store::AlertState(a), 7),
                       FitColumn(a.assignee.empty() ? "-" : a.assignee, 10),
                       FitColumn(a.customer_name, 26), FitColumn(a.entity_id, 24), a.score,
                       store::AlertMatchedName(a));
  }
  auto counts = store::AlertCounts(*db);
  if (counts.ok()) {
    // Of the whole store: say so when the list above is filtered.
    const bool filtered = !args.status.empty() || !args.customer.empty() || args.pending ||
                          !args.assignee.empty() || args.older_than_days >= 0;
    out << (filtered ? "totals (the whole store, not only the alerts above):" : "totals:");
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
  auto alert =
      store::DecideAlert(*store->db, args.id, args.decision, args.note, analyst, args.four_eyes);
  if (!alert.ok()) {
    err << "embargo alerts decide: " << alert.error().ToString() << '\n';
    return 1;
  }
  if (alert->pending) {
    out << fmt::format(
        "alert {}: {} by {} waits for a reviewer other than {} (four-eyes: {}); the alert stays "
        "{} until then\n",
        alert->id, alert->pending->status, analyst, analyst, alert->pending->reason, alert->status);
  } else {
    out << fmt::format(
        "alert {}: {} by {}{}\n", alert->id, alert->status, analyst,
        alert->live() ? "" : " (closed; the pair is suppressed until either changes)");
  }
  return PublishAuditHead(*store, "embargo alerts decide", out, err) ? 0 : 1;
}

int RunAlertsReview(const AlertsArgs& args, std::ostream& out, std::ostream& err) {
  if (args.approve == args.reject) {
    err << "embargo alerts review: say --approve or --reject\n";
    return 2;
  }
  auto store = OpenWritableStore(args.store, args.audit, "embargo alerts review", err);
  if (!store) return 1;
  std::string reviewer = args.analyst.empty() ? store::CurrentUser() : args.analyst;
  auto before = store::GetAlert(*store->db, args.id);
  auto alert = store::ReviewDecision(*store->db, args.id, args.approve, args.note, reviewer);
  if (!alert.ok()) {
    err << "embargo alerts review: " << alert.error().ToString() << '\n';
    return 1;
  }
  std::string decided = "the pending decision";
  if (before.ok() && before->pending) {
    decided = fmt::format("decision {} ({} by {})", before->pending->decision_id,
                          before->pending->status, before->pending->analyst);
  }
  out << fmt::format("alert {}: {} {} by {}; the alert is {}{}\n", alert->id, decided,
                     args.approve ? "approved" : "rejected", reviewer, alert->status,
                     alert->live() ? "" : " and closed");
  return PublishAuditHead(*store, "embargo alerts review", out, err) ? 0 : 1;
}

int RunAlertsAssign(const AlertsArgs& args, std::ostream& out, std::ostream& err) {
  if (args.assign_to.empty() == !args.unassign) {
    err << "embargo alerts assign: say --to USER or --unassign\n";
    return 2;
  }
  auto store = OpenWritableStore(args.store, args.audit, "embargo alerts assign", err);
  if (!store) return 1;
  const std::string actor = args.analyst.empty() ? store::CurrentUser() : args.analyst;
  const std::string to = args.assign_to == "me" ? actor : args.assign_to;
  auto alert = store::AssignAlert(*store->db, args.id, to, actor);
  if (!alert.ok()) {
    err << "embargo alerts assign: " << alert.error().ToString() << '\n';
    return 1;
  }
  out << (alert->assignee.empty()
              ? fmt::format("alert {}: assigned to nobody\n", alert->id)
              : fmt::format("alert {}: assigned to {}\n", alert->id, alert->assignee));
  return PublishAuditHead(*store, "embargo alerts assign", out, err) ? 0 : 1;
}

int RunAlertsExport(const AlertsArgs& args, std::ostream& out, std::ostream& err) {
  auto db = OpenStoreFor(args.store, "embargo alerts export", err);
  if (db == nullptr) return 1;
  auto table = store::AlertExportTable(*db, FilterOf(args, std::numeric_limits<int64_t>::max()));
  if (!table.ok()) {
    err << "embargo alerts export: " << table.error().ToString() << '\n';
    return 1;
  }
  const bool xlsx = args.out.ends_with(".xlsx");
  std::string bytes;
  if (xlsx) {
    auto workbook = XlsxBytes({{"alerts", *table, store::AlertExportNumericColumns()}});
    if (!workbook.ok()) {
      err << "embargo alerts export: " << workbook.error().ToString() << '\n';
      return 1;
    }
    bytes = std::move(*workbook);
  } else {
    for (const auto& row : *table) {
      for (size_t i = 0; i < row.size(); ++i) bytes += (i ? "," : "") + SpreadsheetCsvField(row[i]);
      bytes += "\r\n";
    }
  }
  int code =
      WriteOutput("alerts export", args.out, out, err, [&](std::ostream& sink) { sink << bytes; });
  if (code == 0 && !args.out.empty() && args.out != "-") {
    std::set<std::string> alerts;  // a row per decision: an alert's id may repeat
    for (size_t r = 1; r < table->size(); ++r) alerts.insert((*table)[r][0]);
    err << fmt::format("embargo alerts export: {} rows ({} alerts) to {}\n", table->size() - 1,
                       alerts.size(), args.out);
  }
  return code;
}

}  // namespace embargo::cli
