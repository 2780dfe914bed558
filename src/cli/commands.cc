#include "cli/commands.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/diff_command.h"
#include "cli/eval_command.h"
#include "cli/gaps_command.h"
#include "cli/lists_command.h"
#include "cli/option_checks.h"
#include "cli/payments_command.h"
#include "cli/screen_command.h"
#include "cli/screenings_command.h"
#include "cli/serve_command.h"
#include "cli/show_command.h"
#include "cli/store_commands.h"
#include "cli/validate_command.h"
#include "cli/xref_command.h"
#include "input/date_reading.h"
#include "store/alerts.h"

namespace embargo::cli {
namespace {

void AddStoreOption(CLI::App* cmd, std::string& store) {
  cmd->add_option("--store", store,
                  "Store: SQLite file or postgresql:// URL (default $EMBARGO_STORE, else "
                  "embargo.db)");
}

void AddShrinkOptions(CLI::App* cmd, ShrinkGuard& shrink) {
  cmd->add_option("--max-shrink", shrink.max_drop_percent,
                  "Refuse a list with more than this percentage fewer entities than the version "
                  "before it (default 20): a list cut short would close alerts")
      ->check(FiniteRange(0, 100));
  cmd->add_flag_callback(
      "--accept-shrink", [&shrink] { shrink.action = ShrinkAction::kAccept; },
      "Store a list even when it has far fewer entities than the version before it");
}

// How a batch file is decoded and its dates read (screen, customers import).
void AddInputOptions(CLI::App* cmd, std::string& encoding, DateOrder& date_order,
                     std::string& sheet) {
  cmd->add_option("--encoding", encoding,
                  "Input encoding: CP949, EUC-KR, Shift_JIS, ISO-8859-1, UTF-16LE... (default: "
                  "by byte-order mark, else UTF-8)");
  cmd->add_option_function<std::string>(
         "--date-order",
         [&date_order](const std::string& text) {
           date_order = input::ParseDateOrder(text).value_or(DateOrder::kUnknown);
         },
         "dmy, mdy or ymd: how to read 03/04/1987 or 03.04.05 (default: keep both readings of "
         "03/04/1987, ignore 03.04.05)")
      ->check(CLI::IsMember({"dmy", "mdy", "ymd"}, CLI::ignore_case));
  cmd->add_option("--sheet", sheet,
                  "With an .xlsx workbook: the sheet to read (default the first)");
}

// The four-eyes bar. Where the analyst deciding sets it (`alerts decide`),
// it may only be lowered (more decisions wait for a second person): raised
// to 1 it let an analyst close a 0.975 alert alone (a new user's trial).
// The service's (`serve`) is its operator's to set either way.
void AddFourEyesOption(CLI::App* cmd, store::FourEyesPolicy& policy, bool lower_only,
                       std::string what =
                           "A false positive on an alert scoring at least this "
                           "waits for a second person with the reviewer role, as "
                           "one despite a matching identifier, or reversing a "
                           "true match, always does") {
  const double highest = lower_only ? store::FourEyesPolicy{}.strong_score : 1.0;
  cmd->add_option("--four-eyes-score", policy.strong_score,
                  fmt::format("{} (default {}{})", what, store::FourEyesPolicy{}.strong_score,
                              lower_only ? ", which may only be lowered here" : ""))
      ->check(FiniteRange(0, highest));
}

// A four-eyes review's --approve or --reject (one of them: the command
// checks) and its required --note.
void AddReviewOptions(CLI::App* cmd, bool& approve, bool& reject, std::string& note,
                      const char* approve_help, const char* reject_help) {
  cmd->add_flag("--approve", approve, approve_help)
      ->excludes(cmd->add_flag("--reject", reject, reject_help));
  cmd->add_option("--note", note, "Why (required)")->required();
}

void AddAuditOptions(CLI::App* cmd, store::AnchorOptions& audit) {
  cmd->add_option("--audit-key-file", audit.key_file,
                  "Audit key: HMACs the audit head (default $EMBARGO_AUDIT_KEY_FILE; none: "
                  "unkeyed)");
  cmd->add_option("--audit-head-file", audit.head_file,
                  "Append-only file the audit head is published to (default "
                  "$EMBARGO_AUDIT_HEAD_FILE, else <store>.audit-head beside a SQLite store)");
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"embargo: sanctions screening engine"};
  app.set_version_flag("--version", std::string("embargo ") + EMBARGO_VERSION);
  app.require_subcommand(1);
  int code = 0;

  ScreenArgs screen;
  auto* screen_cmd =
      app.add_subcommand("screen", "Screen a batch CSV or one name against the lists");
  AddListOptions(screen_cmd, screen.source);
  screen_cmd->add_option("--input", screen.input,
                         "CSV (',', ';', tab or '|' separated) or .xlsx workbook of records to "
                         "screen, or - for stdin (header row; 'name' required)");
  AddInputOptions(screen_cmd, screen.encoding, screen.single.date_order, screen.sheet);
  screen_cmd->add_option("--output", screen.output,
                         "JSON lines output, one line per row with its \"warnings\" (default "
                         "stdout)");
  screen_cmd->add_option("--certificate", screen.certificate,
                         "Also write a screening certificate (HTML: what was screened, when, by "
                         "whom, against which list versions, with what result) to this file");
  screen_cmd->add_option("--summary", screen.summary,
                         "Also write the batch summary (rows screened, with warnings, not "
                         "screened, alerted) as JSON to this file");
  screen_cmd->add_option("--threshold", screen.threshold, "Alert threshold")
      ->check(FiniteRange(0, 1))
      ->capture_default_str();
  screen_cmd->add_option("--cutoff", screen.cutoff, "Lowest score reported (default = threshold)")
      ->check(FiniteRange(0, 1));
  screen_cmd->add_option("--limit", screen.limit, "Candidates per record")
      ->check(CLI::Range(1, 500))
      ->capture_default_str();
  screen_cmd->add_option("--threads", screen.threads, "Worker threads (default all cores)")
      ->check(CLI::Range(0, 256));
  screen_cmd->add_option("--map", screen.mappings, "Map an input header to a field: header=field");
  screen_cmd->add_flag("--print-alerts", screen.print_alerts,
                       "With --output: also print one readable line per alert");
  auto* name_opt = screen_cmd->add_option("--name", screen.single.names,
                                          "Name to screen (repeatable: aliases of one party)");
  name_opt->excludes(screen_cmd->get_option("--input"));
  screen_cmd->add_option("--schema", screen.single.schema,
                         "Person, Organization, Company, Vessel, Airplane (or Individual, "
                         "Corporate, 개인, 法人...)");
  screen_cmd->add_option("--birth-date", screen.single.birth_dates,
                         "1964-07-17, 17/07/1964, 17 July 1964, 1964년 7월 17일...");
  screen_cmd->add_option("--nationality,--country", screen.single.countries,
                         "Country name (any language) or ISO code");
  screen_cmd->add_option("--gender", screen.single.gender, "male / female (M, F, 남, 女...)");
  screen_cmd->add_option("--id-number", screen.single.id_numbers,
                         "Passport, national ID, BIC, registration...");
  screen_cmd->add_option("--imo", screen.single.imo_numbers, "Vessel IMO number");
  screen_cmd->footer(
      "A row with a usable name is always screened: a field that cannot be read is ignored "
      "for that row and named in its \"warnings\". Exit codes: 0 every row screened; 1 the "
      "input or the lists cannot be read; 2 usage; 3 some rows were not screened (no usable "
      "name: their output lines carry \"error\").");
  screen_cmd->callback([&] { code = RunScreen(screen, std::cout, std::cerr); });

  ListSource lists_source;
  auto* lists_cmd = app.add_subcommand("lists", "Show the datasets in a list set");
  AddListOptions(lists_cmd, lists_source);
  lists_cmd->callback([&] { code = RunLists(lists_source, std::cout, std::cerr); });

  ListSource index_source;
  std::string index_out;
  auto* index_cmd = app.add_subcommand("index", "Binary index snapshots");
  index_cmd->require_subcommand(1);
  auto* build_cmd = index_cmd->add_subcommand("build", "Parse lists and write a snapshot");
  AddListOptions(build_cmd, index_source);
  build_cmd->add_option("--out", index_out, "Snapshot file to write")->required();
  build_cmd->callback([&] { code = RunIndexBuild(index_source, index_out, std::cout, std::cerr); });

  EvalArgs eval;
  auto* eval_cmd = app.add_subcommand("eval", "Recall and false-alert rate against a labelled CSV");
  AddListOptions(eval_cmd, eval.source);
  eval_cmd->add_option("--input", eval.inputs,
                       "Labelled CSV (expected_id empty = negative); repeatable. With "
                       "--independent: the development negatives");
  eval_cmd->add_option("--map", eval.mappings, "Map an input header to a field: header=field");
  eval_cmd->add_option("--threshold", eval.threshold, "Threshold for the per-kind breakdown")
      ->check(FiniteRange(0, 1));
  eval_cmd->add_option("--threads", eval.threads, "Worker threads (default all cores)");
  eval_cmd->add_option("--misses", eval.misses_path,
                       "Write missed positives and false alerts here (CSV)");
  eval_cmd->add_option("--json", eval.json_path, "Write the metrics as JSON here");
  bool eval_independent = false, eval_evidence = false, eval_no_baseline = false;
  eval_cmd->add_flag("--no-baseline", eval_no_baseline,
                     "With --independent: skip the Jaro-Winkler baseline (brute force, minutes)");
  eval_cmd->add_flag("--independent", eval_independent,
                     "Measure on the independent decks cut from the lists, beside the "
                     "Jaro-Winkler baseline (as `embargo validate`, without the HTML)");
  eval_cmd->add_flag("--with-evidence", eval_evidence,
                     "With --independent: give each query its record's birth date and "
                     "nationality");
  eval_cmd->callback([&] {
    if (!eval_independent && eval.inputs.empty()) {
      std::cerr << "embargo eval: --input is required (or --independent)\n";
      code = 1;
      return;
    }
    if (!eval_independent) {
      code = RunEval(eval, std::cout, std::cerr);
      return;
    }
    ValidateArgs args;
    args.source = eval.source;
    args.negatives = eval.inputs;
    args.with_evidence = eval_evidence;
    args.baseline = !eval_no_baseline;
    args.threshold = eval.threshold;
    args.threads = eval.threads;
    args.json_path = eval.json_path;
    args.misses_path = eval.misses_path;
    code = RunValidate(args, std::cout, std::cerr);
  });

  DeckArgs deck;
  auto* deck_cmd = app.add_subcommand(
      "deck", "Write a labelled test deck of name variants built from the lists");
  AddListOptions(deck_cmd, deck.source);
  deck_cmd->add_option("--out", deck.out_path, "CSV to write")->required();
  bool independent_deck = false;
  deck_cmd->add_flag("--independent", independent_deck,
                     "Write the independent pair deck (UN<->UK, UN<->AU, OFAC<->UN, held-out "
                     "aliases) instead of the generated variants");
  deck_cmd->add_option("--seed", deck.seed, "Random seed (the deck is deterministic for a seed)");
  deck_cmd->add_option("--kinds", deck.kinds, "Variant kinds to generate (default all)");
  deck_cmd->callback([&] {
    code = independent_deck ? RunIndependentDeck(deck.source, deck.out_path, std::cout, std::cerr)
                            : RunDeck(deck, std::cout, std::cerr);
  });

  ValidateArgs validate;
  auto* validate_cmd = app.add_subcommand(
      "validate",
      "Recall per variant class on independent decks and false alerts, beside a Jaro-Winkler "
      "baseline; JSON and HTML report");
  AddListOptions(validate_cmd, validate.source);
  validate_cmd->add_option("--negatives", validate.negatives,
                           "CSV of people on no list (full_name, date_of_birth, nationality); "
                           "repeatable");
  validate_cmd->add_flag("--with-evidence", validate.with_evidence,
                         "Give each query its record's birth date and nationality");
  validate_cmd->add_option("--threshold", validate.threshold, "Engine alert threshold")
      ->check(CLI::Range(0.0, 1.0));
  validate_cmd->add_option("--threads", validate.threads, "Worker threads (default all cores)");
  validate_cmd->add_option("--baseline-negatives", validate.baseline_negatives,
                           "Negatives the brute-force baseline scores (the first N)");
  validate_cmd->add_option("--json", validate.json_path, "Write the report as JSON here");
  validate_cmd->add_option("--html", validate.html_path, "Write the report as HTML here");
  validate_cmd->add_option("--misses", validate.misses_path,
                           "Write every missed pair and false alert here (CSV)");
  validate_cmd->callback([&] { code = RunValidate(validate, std::cout, std::cerr); });

  XrefArgs xref;
  auto* xref_cmd =
      app.add_subcommand("xref", "Link the records of several lists that name the same party");
  AddListOptions(xref_cmd, xref.source);
  xref_cmd->add_option("--format", xref.format, "text, json or csv (one row per link)");
  xref_cmd->add_option("--out", xref.out, "File to write (default stdout)");
  xref_cmd->add_option("--name-threshold", xref.name_threshold, "Score a name link needs")
      ->check(FiniteRange(0, 1));
  xref_cmd->add_option("--method", xref.method,
                       "both (default), identifier or name: which links to look for");
  xref_cmd->add_option("--threads", xref.threads, "Worker threads (default all cores)");
  xref_cmd->add_option("--unlinked-from", xref.unlinked_from,
                       "Also list this dataset's records with no counterpart on --to, and why");
  xref_cmd->add_option("--to", xref.unlinked_to, "The dataset for --unlinked-from");
  xref_cmd->add_option("--source-prefix", xref.source_prefix,
                       "With --unlinked-from: only records whose list key starts so (KP)");
  xref_cmd->callback([&] { code = RunXref(xref, std::cout, std::cerr); });

  GapsArgs gaps;
  auto* gaps_cmd = app.add_subcommand(
      "gaps", "Coverage gaps between lists: who lists each target, UN targets missing, lags");
  AddListOptions(gaps_cmd, gaps.source);
  gaps_cmd->add_option("--regime", gaps.regime, "DPRK, IRAN, ISIL/AL-QAIDA, ... (default all)");
  gaps_cmd->add_option("--format", gaps.format, "json, csv (coverage matrix) or html");
  gaps_cmd->add_option("--out", gaps.out, "File to write (default stdout)");
  gaps_cmd->add_option("--name-threshold", gaps.name_threshold, "Score a name link needs")
      ->check(FiniteRange(0, 1));
  gaps_cmd->add_option("--threads", gaps.threads, "Worker threads (default all cores)");
  gaps_cmd->callback([&] { code = RunGaps(gaps, std::cout, std::cerr); });

  ShowArgs show;
  auto* show_cmd = app.add_subcommand(
      "show", "One record, its counterparts on the other lists and the evidence");
  show_cmd->add_option("ID", show.id, "Entity id, or a list's own key (KPi.055)")->required();
  AddListOptions(show_cmd, show.source);
  show_cmd->add_option("--format", show.format, "text or json");
  show_cmd->add_option("--name-threshold", show.name_threshold, "Score a name link needs")
      ->check(FiniteRange(0, 1));
  show_cmd->add_option("--threads", show.threads, "Worker threads (default all cores)");
  show_cmd->callback([&] { code = RunShow(show, std::cout, std::cerr); });

  service::ServerOptions serve;
  std::string listen = "127.0.0.1:8000";
  auto* serve_cmd = app.add_subcommand("serve", "Run the yente-compatible HTTP service");
  serve_cmd->add_option("--lists", serve.lists, "List file or folder (repeatable)");
  auto* serve_index = serve_cmd->add_option("--index", serve.index, "Binary index snapshot");
  serve_cmd
      ->add_option("--manifest", serve.manifest,
                   "yente's manifest (YAML): the datasets to load by name, their titles, "
                   "versions and collections")
      ->excludes(serve_index);
  serve_cmd->add_option("--store", serve.store,
                        "Store: serves /alerts, and its latest list versions when no --lists");
  serve_cmd->add_option("--dataset", serve.dataset_override,
                        "Dataset name for files that name none");
  serve_cmd->add_option("--embargoes", serve.embargoes,
                        "Embargoed jurisdictions CSV for /payments/screen (default: the shipped "
                        "table)");
  serve_cmd->add_option("--listen", listen, "HOST:PORT (default 127.0.0.1:8000)");
  serve_cmd->add_option("--api-keys", serve.api_keys_path,
                        "API keys file ('<role> <sha256> <user>' lines, as 'embargo keys hash' "
                        "writes them); none: loopback only");
  serve_cmd->add_flag("--log-queries", serve.log_queries, "Log screened names (off by default)");
  serve_cmd->add_option("--update-token", serve.update_token,
                        "Token that POST /updatez?token=... (yente's reload) must carry; without "
                        "one /updatez is refused");
  serve_cmd->add_option("--tls-cert", serve.tls_cert_path, "PEM certificate: serve HTTPS");
  serve_cmd->add_option("--tls-key", serve.tls_key_path, "PEM private key for --tls-cert");
  serve_cmd->add_option("--threads", serve.threads,
                        "Worker threads for requests (default cores - 1, at least 1)");
  serve_cmd->add_option("--max-queries", serve.limits.max_queries, "Queries per /match request");
  serve_cmd->add_option("--max-body", serve.limits.max_body_bytes, "Request body bytes");
  serve_cmd->add_option("--max-concurrent", serve.limits.max_concurrent,
                        "Requests handled at once");
  serve_cmd
      ->add_option("--max-shrink", serve.shrink.max_drop_percent,
                   "Refuse a reload whose lists have more than this percentage fewer entities than "
                   "those served (default 20); POST /admin/reload?accept_shrink=true overrides")
      ->check(FiniteRange(0, 100));
  serve_cmd->add_flag("!--no-screening-records", serve.record_screenings,
                      "With --store, do not record who screened what (/match, /payments/screen; "
                      "recorded by default: GET /screenings)");
  AddAuditOptions(serve_cmd, serve.audit);
  AddFourEyesOption(serve_cmd, serve.four_eyes, /*lower_only=*/false);
  serve_cmd->callback([&] { code = RunServe(serve, listen, std::cout, std::cerr); });

  std::string key, role = "analyst", key_user;
  auto* keys_cmd = app.add_subcommand("keys", "API keys");
  keys_cmd->require_subcommand(1);
  auto* hash_cmd = keys_cmd->add_subcommand("hash", "Print the keys-file line for a key");
  hash_cmd->add_option("KEY", key, "The key clients will send")->required();
  hash_cmd->add_option("--role", role, "viewer, analyst (default), reviewer or admin");
  hash_cmd->add_option("--user", key_user,
                       "Who holds the key: the audit trail records this name for what the key "
                       "does (A-Z a-z 0-9 . _ @ -)");
  hash_cmd->callback([&] { code = RunKeysHash(key, role, key_user, std::cout, std::cerr); });

  std::string diff_from, diff_to, diff_format = "text";
  StoreDiffArgs store_diff;
  auto* diff_cmd = app.add_subcommand(
      "diff",
      "What changed between two versions of a list: two files (--from/--to paths), or a stored "
      "dataset (DATASET --from V1 --to V2: version id, latest, previous or a date)");
  diff_cmd->add_option("DATASET", store_diff.dataset, "Dataset in the store (e.g. us_ofac_sdn)");
  diff_cmd->add_option("--from", diff_from, "Older version (default previous) or list path");
  diff_cmd->add_option("--to", diff_to, "Newer version (default latest) or list path");
  diff_cmd->add_option("--format", diff_format, "text or json");
  AddStoreOption(diff_cmd, store_diff.store);
  diff_cmd->callback([&] {
    if (store_diff.dataset.empty()) {
      if (diff_from.empty() || diff_to.empty()) {
        std::cerr << "embargo diff: give DATASET (stored versions) or --from and --to paths\n";
        code = 2;
        return;
      }
      code = RunDiff(diff_from, diff_to, diff_format, std::cout, std::cerr);
      return;
    }
    if (!diff_from.empty()) store_diff.from = diff_from;
    if (!diff_to.empty()) store_diff.to = diff_to;
    store_diff.format = diff_format;
    code = RunStoreDiff(store_diff, std::cout, std::cerr);
  });

  ImportArgs import;
  auto* import_cmd =
      app.add_subcommand("import", "Store list files as new versions (unchanged content: none)");
  import_cmd->add_option("PATH", import.paths, "List files or folders, each one import")
      ->required();
  import_cmd->add_option("--dataset", import.dataset,
                         "Dataset name for FtM / embargo-format files that name none");
  import_cmd
      ->add_option("--max-file-size", import.max_file_bytes,
                   "Largest list file read (default 512MiB)")
      ->transform(CLI::AsSizeValue(false));
  AddShrinkOptions(import_cmd, import.shrink);
  AddStoreOption(import_cmd, import.store);
  AddAuditOptions(import_cmd, import.audit);
  import_cmd->callback([&] { code = RunImport(import, std::cout, std::cerr); });

  UpdateArgs update;
  auto* update_cmd = app.add_subcommand(
      "update", "Download the official lists (conditional requests) and store new versions");
  update_cmd->add_option("--source", update.sources, "Source to update (repeatable; default all)");
  update_cmd->add_option("--config", update.config,
                         "Sources file (TOML; default: the built-in official URLs, see "
                         "samples/sources.toml)");
  update_cmd->add_option("--download-dir", update.download_dir,
                         "Where downloads are kept (default: beside the store)");
  AddShrinkOptions(update_cmd, update.shrink);
  AddStoreOption(update_cmd, update.store);
  AddAuditOptions(update_cmd, update.audit);
  update_cmd->callback([&] { code = RunUpdate(update, std::cout, std::cerr); });

  std::string versions_store, versions_dataset;
  auto* versions_cmd = app.add_subcommand("versions", "The list versions in the store");
  versions_cmd->add_option("DATASET", versions_dataset, "Only this dataset");
  AddStoreOption(versions_cmd, versions_store);
  versions_cmd->callback(
      [&] { code = RunVersions(versions_store, versions_dataset, std::cout, std::cerr); });

  CustomersImportArgs customers;
  auto* customers_cmd = app.add_subcommand("customers", "Monitored records (customers)");
  customers_cmd->require_subcommand(1);
  auto* customers_import = customers_cmd->add_subcommand(
      "import", "Register or update records from a CSV (columns as for screen; 'id' required)");
  customers_import->add_option("FILE", customers.path, "CSV or .xlsx file, or - for stdin")
      ->required();
  customers_import->add_option("--map", customers.mappings, "header=field");
  AddInputOptions(customers_import, customers.encoding, customers.date_order, customers.sheet);
  customers_import->add_option("--report", customers.report,
                               "Write the refused rows and the field warnings here, one "
                               "'file:line: ...' line each (default stdout)");
  customers_import->footer(
      "Every row with an id and a usable name is stored; a field that cannot be read is kept "
      "as given and ignored when screening. Exit codes: 0 every row stored; 1 nothing stored "
      "(unreadable file, store error); 3 some rows refused (the others are stored).");
  AddStoreOption(customers_import, customers.store);
  AddAuditOptions(customers_import, customers.audit);
  customers_import->callback([&] { code = RunCustomersImport(customers, std::cout, std::cerr); });

  RescreenArgs rescreen;
  auto* rescreen_cmd = app.add_subcommand(
      "rescreen",
      "Screen the customers against the latest list versions: only what changed since the last "
      "run, or --full");
  rescreen_cmd->add_flag("--full", rescreen.full, "Screen everyone against everything");
  rescreen_cmd->add_option("--threshold", rescreen.threshold, "Alert threshold")
      ->check(FiniteRange(0, 1));
  rescreen_cmd->add_option("--threads", rescreen.threads, "Worker threads (default all cores)");
  rescreen_cmd->add_option("--chunk", rescreen.chunk, "Customers per committed transaction")
      ->check(CLI::Range(1, 10000000));
  AddStoreOption(rescreen_cmd, rescreen.store);
  AddAuditOptions(rescreen_cmd, rescreen.audit);
  rescreen_cmd->callback([&] { code = RunRescreen(rescreen, std::cout, std::cerr); });

  AlertsArgs alerts;
  auto* alerts_cmd = app.add_subcommand("alerts", "Alerts raised by rescreen, and decisions");
  alerts_cmd->require_subcommand(1);
  auto* alerts_list = alerts_cmd->add_subcommand("list", "Live alerts, highest score first");
  alerts_list
      ->add_option("--status", alerts.status, "open, escalated, true_match or false_positive")
      ->check(CLI::IsMember(store::AlertStatuses()));
  alerts_list->add_flag("--all", alerts.all, "Include closed alerts");
  alerts_list->add_flag("--pending", alerts.pending,
                        "Only alerts whose decision waits for a reviewer (four-eyes)");
  alerts_list->add_option("--customer", alerts.customer, "One customer's alerts (its id)");
  alerts_list->add_option("--assignee", alerts.assignee,
                          "Only alerts assigned to this user (me: the OS user; none: unassigned)");
  alerts_list
      ->add_option("--older-than", alerts.older_than_days,
                   "Only alerts opened more than "
                   "this many days ago")
      ->check(CLI::Range(0, 36500));
  alerts_list->add_option("--limit", alerts.limit, "At most this many")
      ->check(CLI::Range(1, 1000000));
  alerts_list->add_option("--format", alerts.format, "text or json (JSON lines)")
      ->check(CLI::IsMember({"text", "json"}));
  AddStoreOption(alerts_list, alerts.store);
  alerts_list->callback([&] { code = RunAlertsList(alerts, std::cout, std::cerr); });
  auto* alerts_show = alerts_cmd->add_subcommand("show", "One alert with its explanation");
  alerts_show->add_option("ID", alerts.id, "Alert id")->required();
  AddStoreOption(alerts_show, alerts.store);
  alerts_show->callback([&] { code = RunAlertsShow(alerts, std::cout, std::cerr); });
  auto* alerts_decide = alerts_cmd->add_subcommand("decide", "Record an analyst's decision");
  alerts_decide->add_option("ID", alerts.id, "Alert id")->required();
  alerts_decide->add_option("--status", alerts.decision, "true_match, false_positive or escalated")
      ->required()
      ->check(CLI::IsMember({"true_match", "false_positive", "escalated"}));
  alerts_decide->add_option("--note", alerts.note, "Why (required)")->required();
  AddFourEyesOption(alerts_decide, alerts.four_eyes, /*lower_only=*/true);
  AddStoreOption(alerts_decide, alerts.store);
  AddAuditOptions(alerts_decide, alerts.audit);
  alerts_decide->callback([&] { code = RunAlertsDecide(alerts, std::cout, std::cerr); });
  auto* alerts_export = alerts_cmd->add_subcommand(
      "export", "Alerts and their decisions for auditors: a row per decision, CSV or .xlsx");
  alerts_export->add_option("--out", alerts.out, "FILE.csv or FILE.xlsx (default: CSV on stdout)");
  alerts_export
      ->add_option("--status", alerts.status, "open, escalated, true_match or false_positive")
      ->check(CLI::IsMember(store::AlertStatuses()));
  alerts_export->add_flag("--all", alerts.all, "Include closed alerts");
  alerts_export->add_flag("--pending", alerts.pending, "Only alerts waiting for a reviewer");
  alerts_export->add_option("--customer", alerts.customer, "One customer's alerts (its id)");
  AddStoreOption(alerts_export, alerts.store);
  alerts_export->callback([&] { code = RunAlertsExport(alerts, std::cout, std::cerr); });
  auto* alerts_review = alerts_cmd->add_subcommand(
      "review", "Approve or reject a decision waiting for a second person (four-eyes)");
  alerts_review->add_option("ID", alerts.id, "Alert id")->required();
  AddReviewOptions(alerts_review, alerts.approve, alerts.reject, alerts.note,
                   "The decision takes effect", "The decision is dropped");
  AddStoreOption(alerts_review, alerts.store);
  AddAuditOptions(alerts_review, alerts.audit);
  alerts_review->callback([&] { code = RunAlertsReview(alerts, std::cout, std::cerr); });
  auto* alerts_assign = alerts_cmd->add_subcommand("assign", "Say who works an alert");
  alerts_assign->add_option("ID", alerts.id, "Alert id")->required();
  auto* assign_to =
      alerts_assign->add_option("--to", alerts.assign_to, "The analyst (me: the OS user)");
  auto* unassign =
      alerts_assign->add_flag("--unassign", alerts.unassign, "Take it off whoever works it");
  assign_to->excludes(unassign);
  AddStoreOption(alerts_assign, alerts.store);
  AddAuditOptions(alerts_assign, alerts.audit);
  alerts_assign->callback([&] { code = RunAlertsAssign(alerts, std::cout, std::cerr); });
  alerts_cmd->footer(
      "Decisions, reviews and assignments are recorded under the OS user running the command "
      "(through the service: under the API key's user). Four-eyes compares those names: a "
      "decision's reviewer must be another user.");

  PaymentsArgs payments;
  auto* payments_cmd =
      app.add_subcommand("payments", "Screen payment messages (ISO 20022, SWIFT MT)");
  payments_cmd->require_subcommand(1);
  auto* payments_screen = payments_cmd->add_subcommand(
      "screen", "Screen every party, agent, code and free-text field of payment messages");
  payments_screen
      ->add_option("INPUT", payments.inputs,
                   "Message files (pacs.008, pacs.009, pain.001 XML; MT103/202 FIN, "
                   ".rje batches) or folders of them")
      ->required();
  AddListOptions(payments_screen, payments.source);
  payments_screen->add_option("--output", payments.output,
                              "JSON lines output, one line per message (default stdout)");
  payments_screen->add_option("--embargoes", payments.embargoes,
                              "Embargoed jurisdictions CSV (jurisdiction,kind,name,spellings,"
                              "legal_basis) replacing the shipped table");
  payments_screen->add_option("--threshold", payments.threshold, "Name alert threshold")
      ->check(FiniteRange(0, 1));
  payments_screen->add_option("--threads", payments.threads, "Worker threads (default all cores)")
      ->check(CLI::Range(0, 256));
  payments_screen->add_flag("--print-holds", payments.print_holds,
                            "Also print each held message's reasons, one line per hit");
  payments_screen->footer(
      "A message with any hit is held. With --store, the lists are the store's latest versions "
      "(or --as-of) unless --lists or --index is given, each held message becomes a payment "
      "case (embargo payments cases), and hits a released case's good-guy entries cover are "
      "reported under \"cleared\". Exit codes: 0 every message read; 1 the lists, the embargo "
      "table, the store or the output failed; 2 usage; 3 some messages could not be read (their "
      "lines carry \"error\").");
  payments_screen->callback([&] { code = RunPaymentsScreen(payments, std::cout, std::cerr); });

  PaymentCasesArgs payment_cases;
  auto* cases_cmd = payments_cmd->add_subcommand(
      "cases", "Held payment messages (payments screen --store), and analysts' decisions");
  cases_cmd->require_subcommand(1);
  auto* cases_list = cases_cmd->add_subcommand("list", "Payment cases, oldest first");
  cases_list->add_option("--status", payment_cases.status, "held, released or blocked")
      ->check(CLI::IsMember({"held", "released", "blocked"}));
  cases_list->add_option("--limit", payment_cases.limit, "At most this many");
  cases_list->add_option("--format", payment_cases.format, "text or json (JSON lines)")
      ->check(CLI::IsMember({"text", "json"}));
  AddStoreOption(cases_list, payment_cases.store);
  cases_list->callback([&] { code = RunPaymentCasesList(payment_cases, std::cout, std::cerr); });
  auto* cases_show =
      cases_cmd->add_subcommand("show", "One case: its hits, message, decisions, good-guy entries");
  cases_show->add_option("ID", payment_cases.id, "Case id")->required();
  AddStoreOption(cases_show, payment_cases.store);
  cases_show->callback([&] { code = RunPaymentCasesShow(payment_cases, std::cout, std::cerr); });
  auto* cases_decide = cases_cmd->add_subcommand("decide", "Release or block a held message");
  cases_decide->add_option("ID", payment_cases.id, "Case id")->required();
  cases_decide
      ->add_option("--status", payment_cases.decision,
                   "released (a false positive: its hits become good-guy entries) or blocked")
      ->required();
  cases_decide->add_option("--note", payment_cases.note, "Why (required)")->required();
  AddFourEyesOption(cases_decide, payment_cases.four_eyes, /*lower_only=*/true,
                    "A release of a case with a hit scoring at least this (a listed BIC or IMO "
                    "number, an embargoed place: 1) waits for a second person");
  AddStoreOption(cases_decide, payment_cases.store);
  AddAuditOptions(cases_decide, payment_cases.audit);
  cases_decide->callback(
      [&] { code = RunPaymentCasesDecide(payment_cases, std::cout, std::cerr); });
  auto* cases_review = cases_cmd->add_subcommand(
      "review", "Approve or reject a release waiting for a second person (four-eyes)");
  cases_review->add_option("ID", payment_cases.id, "Case id")->required();
  AddReviewOptions(cases_review, payment_cases.approve, payment_cases.reject, payment_cases.note,
                   "Approve the release", "Reject it: the case stays held");
  AddStoreOption(cases_review, payment_cases.store);
  AddAuditOptions(cases_review, payment_cases.audit);
  cases_review->callback(
      [&] { code = RunPaymentCasesReview(payment_cases, std::cout, std::cerr); });

  ScreeningsArgs screenings;
  auto* screenings_cmd = app.add_subcommand(
      "screenings", "Who screened what, when, against which list versions, with what result");
  screenings_cmd->require_subcommand(1);
  auto* screenings_list = screenings_cmd->add_subcommand("list", "Screening records, newest first");
  screenings_list->add_option("--actor", screenings.actor, "Only this user's screenings");
  screenings_list->add_option("--kind", screenings.kind, "name, batch or payment")
      ->check(CLI::IsMember({"name", "batch", "payment"}));
  screenings_list
      ->add_option("--since", screenings.since,
                   "Only screenings at or after this UTC date or time (2026-12-06)")
      ->check(IsoDayOrTime());
  screenings_list->add_option("--search", screenings.search,
                              "Only screenings whose subject contains this text (a name, a file)");
  screenings_list->add_option("--limit", screenings.limit, "At most this many")
      ->check(CLI::Range(1, 1000000));
  screenings_list->add_option("--format", screenings.format, "text or json (JSON lines)")
      ->check(CLI::IsMember({"text", "json"}));
  AddStoreOption(screenings_list, screenings.store);
  screenings_list->callback([&] { code = RunScreeningsList(screenings, std::cout, std::cerr); });
  auto* screenings_show = screenings_cmd->add_subcommand("show", "One screening record as JSON");
  screenings_show->add_option("ID", screenings.id, "Record id")->required();
  screenings_show->add_option("--certificate", screenings.certificate,
                              "Also write the record's screening certificate (HTML) here");
  AddStoreOption(screenings_show, screenings.store);
  screenings_show->callback([&] { code = RunScreeningsShow(screenings, std::cout, std::cerr); });

  AuditArgs audit;
  std::string audit_out;
  auto* audit_cmd = app.add_subcommand("audit", "The hash-chained audit log");
  audit_cmd->require_subcommand(1);
  auto* verify_cmd = audit_cmd->add_subcommand(
      "verify",
      "Check the chain, the tables against it and its published head; every problem found "
      "(exit 3)");
  AddStoreOption(verify_cmd, audit.store);
  AddAuditOptions(verify_cmd, audit.audit);
  verify_cmd->add_option("--expect-head", audit.expect_heads,
                         "SEQ:HASH of a head you kept: the chain must still hold it (repeatable)");
  verify_cmd->callback([&] { code = RunAuditVerify(audit, std::cout, std::cerr); });
  auto* anchor_cmd = audit_cmd->add_subcommand(
      "anchor",
      "Verify, then anchor and publish the current head (a store written without the key)");
  AddStoreOption(anchor_cmd, audit.store);
  AddAuditOptions(anchor_cmd, audit.audit);
  anchor_cmd->callback([&] { code = RunAuditAnchor(audit, std::cout, std::cerr); });
  auto* init_key_cmd = audit_cmd->add_subcommand(
      "init-key", "Make a new random audit key file (mode 0600; never overwrites one)");
  init_key_cmd->add_option("FILE", audit.key_out, "Key file to create")->required();
  init_key_cmd->callback([&] { code = RunAuditInitKey(audit, std::cout, std::cerr); });
  auto* export_cmd = audit_cmd->add_subcommand("export", "Write the log as JSON lines");
  export_cmd->add_option("--out", audit_out, "File (default stdout)");
  AddStoreOption(export_cmd, audit.store);
  export_cmd->callback(
      [&] { code = RunAuditExport(audit.store, audit_out, std::cout, std::cerr); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and --version exit 0; every other parse error is a usage error
    // (CLI11's own codes, 105 or 109, are not embargo's).
    return app.exit(e) == 0 ? 0 : kExitUsage;
  }
  return CheckStdout(code, std::cout, std::cerr);
}

int CheckStdout(int code, std::ostream& out, std::ostream& err) {
  out.flush();
  if (out) return code;
  err << "embargo: stdout: write failed (disk full?); the output is incomplete\n";
  return code == 0 ? 1 : code;
}

}  // namespace embargo::cli
