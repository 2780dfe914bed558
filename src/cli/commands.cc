#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/diff_command.h"
#include "cli/eval_command.h"
#include "cli/lists_command.h"
#include "cli/screen_command.h"
#include "cli/serve_command.h"

namespace embargo::cli {
namespace {

void AddListOptions(CLI::App* cmd, ListSource& source) {
  cmd->add_option("--lists", source.lists, "List file or folder (repeatable)");
  cmd->add_option("--index", source.index,
                  "Binary index snapshot written by 'embargo index build'");
  cmd->add_option("--dataset", source.dataset,
                  "Dataset name for FtM / embargo-format files that name none");
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"embargo: sanctions screening engine"};
  app.require_subcommand(1);
  int code = 0;

  ScreenArgs screen;
  auto* screen_cmd =
      app.add_subcommand("screen", "Screen a batch CSV or one name against the lists");
  AddListOptions(screen_cmd, screen.source);
  screen_cmd->add_option("--input", screen.input,
                         "CSV of records to screen (header row; 'name' required)");
  screen_cmd->add_option("--output", screen.output, "JSON lines output (default stdout)");
  screen_cmd->add_option("--threshold", screen.threshold, "Alert threshold")
      ->check(CLI::Range(0.0, 1.0));
  screen_cmd->add_option("--cutoff", screen.cutoff, "Lowest score reported (default = threshold)")
      ->check(CLI::Range(0.0, 1.0));
  screen_cmd->add_option("--limit", screen.limit, "Candidates per record")
      ->check(CLI::Range(1, 500));
  screen_cmd->add_option("--threads", screen.threads, "Worker threads (default all cores)")
      ->check(CLI::Range(0, 256));
  screen_cmd->add_option("--map", screen.mappings, "Map an input header to a field: header=field");
  screen_cmd->add_flag("--print-alerts", screen.print_alerts,
                       "With --output: also print one readable line per alert");
  screen_cmd->add_option("--name", screen.single.names,
                         "Name to screen (repeatable: aliases of one party)");
  screen_cmd->add_option("--schema", screen.single.schema,
                         "Person, Organization, Company, Vessel, Airplane");
  screen_cmd->add_option("--birth-date", screen.single.birth_dates, "YYYY[-MM[-DD]]");
  screen_cmd->add_option("--nationality,--country", screen.single.countries,
                         "Country name or ISO code");
  screen_cmd->add_option("--gender", screen.single.gender, "male / female");
  screen_cmd->add_option("--id-number", screen.single.id_numbers,
                         "Passport, national ID, BIC, registration...");
  screen_cmd->add_option("--imo", screen.single.imo_numbers, "Vessel IMO number");
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
  eval_cmd
      ->add_option("--input", eval.inputs,
                   "Labelled CSV (expected_id empty = negative); repeatable")
      ->required();
  eval_cmd->add_option("--map", eval.mappings, "Map an input header to a field: header=field");
  eval_cmd->add_option("--threshold", eval.threshold, "Threshold for the per-kind breakdown");
  eval_cmd->add_option("--threads", eval.threads, "Worker threads (default all cores)");
  eval_cmd->add_option("--misses", eval.misses_path,
                       "Write missed positives and false alerts here (CSV)");
  eval_cmd->add_option("--json", eval.json_path, "Write the metrics as JSON here");
  eval_cmd->callback([&] { code = RunEval(eval, std::cout, std::cerr); });

  DeckArgs deck;
  auto* deck_cmd = app.add_subcommand(
      "deck", "Write a labelled test deck of name variants built from the lists");
  AddListOptions(deck_cmd, deck.source);
  deck_cmd->add_option("--out", deck.out_path, "CSV to write")->required();
  deck_cmd->add_option("--seed", deck.seed, "Random seed (the deck is deterministic for a seed)");
  deck_cmd->add_option("--kinds", deck.kinds, "Variant kinds to generate (default all)");
  deck_cmd->callback([&] { code = RunDeck(deck, std::cout, std::cerr); });

  service::ServerOptions serve;
  std::string listen = "127.0.0.1:8000";
  auto* serve_cmd = app.add_subcommand("serve", "Run the yente-compatible HTTP service");
  serve_cmd->add_option("--lists", serve.lists, "List file or folder (repeatable)");
  serve_cmd->add_option("--index", serve.index, "Binary index snapshot");
  serve_cmd->add_option("--dataset", serve.dataset_override,
                        "Dataset name for files that name none");
  serve_cmd->add_option("--listen", listen, "HOST:PORT (default 127.0.0.1:8000)");
  serve_cmd->add_option("--api-keys", serve.api_keys_path,
                        "API keys file ('<role> <sha256>' lines); none: loopback only");
  serve_cmd->add_flag("--log-queries", serve.log_queries, "Log screened names (off by default)");
  serve_cmd->add_option("--tls-cert", serve.tls_cert_path, "PEM certificate: serve HTTPS");
  serve_cmd->add_option("--tls-key", serve.tls_key_path, "PEM private key for --tls-cert");
  serve_cmd->add_option("--threads", serve.threads,
                        "Request threads = connections served at once (default 64)");
  serve_cmd->add_option("--max-queries", serve.limits.max_queries, "Queries per /match request");
  serve_cmd->add_option("--max-body", serve.limits.max_body_bytes, "Request body bytes");
  serve_cmd->add_option("--max-concurrent", serve.limits.max_concurrent,
                        "Requests handled at once");
  serve_cmd->callback([&] { code = RunServe(serve, listen, std::cout, std::cerr); });

  std::string key, role = "user";
  auto* keys_cmd = app.add_subcommand("keys", "API keys");
  keys_cmd->require_subcommand(1);
  auto* hash_cmd = keys_cmd->add_subcommand("hash", "Print the keys-file line for a key");
  hash_cmd->add_option("KEY", key, "The key clients will send")->required();
  hash_cmd->add_option("--role", role, "user or admin");
  hash_cmd->callback([&] { code = RunKeysHash(key, role, std::cout, std::cerr); });

  std::string diff_from, diff_to, diff_format = "text";
  auto* diff_cmd = app.add_subcommand("diff", "What changed between two versions of a list");
  diff_cmd->add_option("--from", diff_from, "Older list file or folder")->required();
  diff_cmd->add_option("--to", diff_to, "Newer list file or folder")->required();
  diff_cmd->add_option("--format", diff_format, "text or json");
  diff_cmd->callback(
      [&] { code = RunDiff(diff_from, diff_to, diff_format, std::cout, std::cerr); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return code;
}

}  // namespace embargo::cli
