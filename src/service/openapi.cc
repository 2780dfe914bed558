#include "service/openapi.h"

#include <algorithm>
#include <cctype>

namespace embargo::service {
namespace {

using nlohmann::json;

json Ref(const std::string& component) { return {{"$ref", "#/components/" + component}}; }

json JsonContent(const json& schema) { return {{"application/json", {{"schema", schema}}}}; }

json Reply(const std::string& description, const std::string& schema = "schemas/Error") {
  return {{"description", description}, {"content", JsonContent(Ref(schema))}};
}

json Param(const std::string& name, const std::string& in, const json& schema,
           const std::string& description) {
  json p = {{"name", name}, {"in", in}, {"schema", schema}, {"description", description}};
  if (in == "path") p["required"] = true;
  return p;
}

json Number(double minimum, double maximum) {
  return {{"type", "number"}, {"minimum", minimum}, {"maximum", maximum}};
}
json Integer(int minimum, int maximum) {
  return {{"type", "integer"}, {"minimum", minimum}, {"maximum", maximum}};
}
json String() { return {{"type", "string"}}; }
json Strings() { return {{"type", "array"}, {"items", String()}}; }
json Repeated(const std::string& name, const std::string& description) {
  json p = Param(name, "query", Strings(), description);
  p["style"] = "form";
  p["explode"] = true;
  return p;
}

json DatasetParam() {
  return Param("dataset", "path", String(),
               "A loaded dataset name, or the collection 'default' (all loaded) or "
               "'sanctions' (the entities listed for sanctions: topic sanction or "
               "sanction.linked)");
}

json ScopeParams() {
  return {Repeated("include_dataset",
                   "Only these datasets (within the path's scope); a name no loaded "
                   "dataset has is taken (as yente takes it) and /match warns of it"),
          Repeated("exclude_dataset", "Leave these datasets out"),
          Repeated("exclude_schema", "Leave out entities of these schemas (Person, Vessel...)"),
          Repeated("topics",
                   "Only entities listed for one of these FtM topics (sanction, "
                   "export.control, debarment, ...); an entity whose list says none is a "
                   "sanction; a topic neither FollowTheMoney nor a loaded entity knows is a "
                   "400"),
          Param("changed_since", "query", String(),
                "Only entities whose record changed (an FtM record's last_change) or, on an "
                "official list, that were listed on or after this date (YYYY-MM-DD) or time "
                "(YYYY-MM-DDTHH:MM[:SS]); anything else is a 400")};
}

json ErrorReplies(json replies, const std::vector<int>& codes) {
  static const std::vector<std::pair<int, const char*>> kErrors = {
      {400, "Bad request: the detail names the parameter or field"},
      {401, "Missing or unknown API key"},
      {403,
       "Not allowed: an admin route without an admin key, /updatez without the update token, "
       "a role the key lacks, another analyst's alert, or no keys configured and the client is "
       "not on loopback"},
      {404, "Unknown dataset or entity"},
      {413, "Request body too large: over the byte limit, or holding too many JSON values"},
      {405, "Method not allowed on this path"},
      {415, "Unsupported body type: send a form (application/x-www-form-urlencoded) or JSON"},
      {422, "A parameter out of range: the detail names it"},
      {429, "Too many requests in flight (Retry-After: 1)"},
      {503, "The index is not loaded yet"}};
  for (const auto& [code, description] : kErrors) {
    if (std::find(codes.begin(), codes.end(), code) != codes.end()) {
      replies[std::to_string(code)] = Reply(description);
    }
  }
  return replies;
}

json Operation(const std::string& id, const std::string& summary, json parameters, json replies) {
  return {{"operationId", id},
          {"summary", summary},
          {"parameters", std::move(parameters)},
          {"responses", std::move(replies)}};
}

json MatchOperation() {
  json params = {DatasetParam(),
                 Param("threshold", "query", Number(0, 1), "Score from which a result is a match"),
                 Param("cutoff", "query", Number(0, 1),
                       "Results scoring below min(cutoff, threshold) are dropped"),
                 Param("limit", "query", Integer(1, 500), "Results per query (default 5)"),
                 Param("algorithm", "query", String(),
                       "embargo-v1; yente's names (best, logic-v2, ...) are accepted and also run "
                       "embargo-v1")};
  for (json& p : ScopeParams()) params.push_back(std::move(p));
  params.push_back(Repeated("exclude_entity_ids", "Suppress these entity ids (at most 50)"));
  json orders = {{"type", "string"}, {"enum", {"dmy", "mdy", "ymd"}}};
  params.push_back(Param("date_order", "query", orders,
                         "How to read birth dates such as 03/04/1987 (default: both readings, "
                         "with a warning) or 03.04.05 (default: ignored, with a warning)"));
  json op = Operation(
      "match", "Screen a batch of query entities", std::move(params),
      ErrorReplies({{"200", Reply("One response per query key", "schemas/MatchResponse")}},
                   {400, 401, 403, 404, 413, 429}));
  op["requestBody"] = {{"required", true}, {"content", JsonContent(Ref("schemas/MatchRequest"))}};
  return op;
}

json SearchOperation() {
  json params = {DatasetParam(),
                 Param("q", "query", String(), "Text to search for, scored as a name (required)"),
                 Param("schema", "query", String(), "FtM schema of the parties (default: any)"),
                 Param("limit", "query", Integer(0, 500), "Results per page (default 10)"),
                 Param("offset", "query", Integer(0, 9499), "Results to skip"),
                 Repeated("countries", "Only parties linked to one of these countries"),
                 Repeated("facets", "Facets to count: datasets, schema, countries, topics")};
  for (json& p : ScopeParams()) params.push_back(std::move(p));
  return Operation(
      "search", "Free-text name search for analysts", std::move(params),
      ErrorReplies({{"200", Reply("A page of results with facets", "schemas/SearchResponse")}},
                   {400, 401, 403, 404, 429}));
}

json EntityOperation() {
  return Operation(
      "entity",
      "One entity with its links, linked entities inlined, and under \"xref\" its counterparts "
      "on the other lists with the evidence, ambiguous cases, and the closest record on each "
      "list without one",
      {Param("id", "path", String(), "Entity id, e.g. un_sc_sanctions-KPi.055")},
      ErrorReplies({{"200", Reply("The entity", "schemas/Entity")}}, {401, 403, 404, 429}));
}

json SimpleGet(const std::string& id, const std::string& summary, const std::string& schema,
               const std::vector<int>& errors) {
  return Operation(id, summary, json::array(),
                   ErrorReplies({{"200", Reply(summary, schema)}}, errors));
}

json MetricsOperation() {
  json text = {{"text/plain", {{"schema", String()}}}};
  json op = Operation(
      "metrics", "Prometheus metrics", json::array(),
      ErrorReplies({{"200", {{"description", "Metrics"}, {"content", text}}}}, {401, 403, 429}));
  return op;
}

// Conditional: a client sending the ETag it holds gets 304 while the
// lists are unchanged.
json CatalogOperation() {
  json op =
      SimpleGet("catalog", "Loaded datasets and collections", "schemas/Catalog", {401, 403, 429});
  op["parameters"].push_back(
      Param("If-None-Match", "header", String(), "The ETag of a catalog already held"));
  op["responses"]["304"] = {{"description", "Unchanged since the ETag in If-None-Match; no body"}};
  return op;
}

json ReloadOperation() {
  json op = Operation(
      "reload", "Reload the lists (admin API key)",
      {Param("sync", "query", {{"type", "boolean"}}, "Wait for the reload to finish"),
       Param("accept_shrink", "query", {{"type", "boolean"}},
             "Take the new lists even when a dataset has far fewer entities than the one served "
             "(by default more than 20 % fewer, or a dataset missing, is refused)")},
      ErrorReplies({{"200", Reply("Reloaded", "schemas/Status")},
                    {"202", Reply("Reload started or already running", "schemas/Status")}},
                   {401, 403, 429}));
  op["responses"]["422"] = Reply(
      "The lists were refused (unreadable, or shrunk sharply); the previous index is still "
      "served");
  op["security"] = {{{"ApiKey", json::array()}}};
  return op;
}

// yente's reload endpoint: POST with the update token; GET is a 405.
json UpdateOperation() {
  json op = Operation(
      "updatez", "Reload the lists (yente's endpoint; the serve --update-token token)",
      {Param("token", "query", String(), "The update token"),
       Param("sync", "query", {{"type", "boolean"}}, "Wait for the reload to finish")},
      ErrorReplies({{"200", Reply("Reloaded", "schemas/Status")},
                    {"202", Reply("Reload started or already running", "schemas/Status")}},
                   {401, 403, 429}));
  op["responses"]["422"] = Reply(
      "The lists were refused (unreadable, or shrunk sharply); the previous index is still "
      "served");
  return op;
}

json AlertOperations() {
  json list = Operation(
      "alerts", "Monitoring alerts, highest score first (service started with --store)",
      {Param("status", "query", String(), "open, escalated, true_match or false_positive"),
       Param("customer", "query", String(), "One customer's alerts (its id)"),
       Param("all", "query", {{"type", "boolean"}}, "Include closed alerts"),
       Param("pending", "query", {{"type", "boolean"}},
             "Only alerts whose decision waits for a reviewer (four-eyes)"),
       Param("brief", "query", {{"type", "boolean"}},
             "Each alert without its explanation, with its matched_name"),
       Param("assignee", "query", String(),
             "Only alerts assigned to this user (me: the caller; none: unassigned)"),
       Param("older_than_days", "query", Integer(0, 36500),
             "Only alerts opened more than this many days ago"),
       Param("limit", "query", Integer(1, 1000), "Alerts per page (default 50)"),
       Param("offset", "query", Integer(0, 2000000000), "Alerts to skip")},
      ErrorReplies({{"200", Reply("A page of alerts", "schemas/Object")}},
                   {400, 401, 403, 404, 429}));
  json one = Operation(
      "alert", "One alert with its explanation and decisions",
      {Param("id", "path", Integer(1, 2000000000), "Alert id")},
      ErrorReplies({{"200", Reply("The alert", "schemas/Object")}}, {401, 403, 404, 429}));
  json decide = Operation(
      "decide_alert",
      "Record an analyst's decision: true_match, false_positive (suppresses the pair until either "
      "side changes) or escalated; a note is required. The decision is recorded under the user "
      "of the request's API key (the analyst role or above); an 'analyst' naming anyone else is "
      "a 403. Four-eyes: a false positive on strong evidence (score at or above the server's "
      "--four-eyes-score, or an identifier both sides carry), or reversing a true match, is "
      "recorded but waits for a reviewer (202): the alert keeps its status and its "
      "'pending_review' says who waits for whom",
      {Param("id", "path", Integer(1, 2000000000), "Alert id")},
      ErrorReplies({{"200", Reply("The alert after the decision", "schemas/Object")},
                    {"202", Reply("The decision waits for a reviewer; the alert as it was, with "
                                  "'pending_review'",
                                  "schemas/Object")},
                    {"409", Reply("A decision already waits for a reviewer on this alert")}},
                   {400, 401, 403, 404, 413, 429}));
  decide["requestBody"] = {
      {"required", true},
      {"content",
       JsonContent(
           json{{"type", "object"},
                {"properties", {{"status", String()}, {"note", String()}, {"analyst", String()}}},
                {"required", {"status", "note"}}})}};
  json review = Operation(
      "review_alert_decision",
      "Approve or reject the decision waiting on this alert (four-eyes), as a user with the "
      "reviewer role other than the decision's analyst (403 otherwise); a note is required. "
      "Approved, the decision takes effect; rejected, the alert stays as it was",
      {Param("id", "path", Integer(1, 2000000000), "Alert id")},
      ErrorReplies({{"200", Reply("The alert after the review", "schemas/Object")}},
                   {400, 401, 403, 404, 413, 429}));
  review["requestBody"] = {
      {"required", true},
      {"content",
       JsonContent(json{{"type", "object"},
                        {"properties", {{"approve", {{"type", "boolean"}}}, {"note", String()}}},
                        {"required", {"approve", "note"}}})}};
  json assign = Operation(
      "assign_alert",
      "Say who works a live alert: 'assignee' a user (me: the caller) or null (nobody). An "
      "analyst assigns alerts to themselves and gives back their own; assigning to others or "
      "taking from others needs the reviewer role (403); with API keys, the assignee must hold "
      "one with the analyst role or above (400). A decision on an alert assigned to someone "
      "else is refused (400) until it is reassigned",
      {Param("id", "path", Integer(1, 2000000000), "Alert id")},
      ErrorReplies({{"200", Reply("The alert after the assignment", "schemas/Object")}},
                   {400, 401, 403, 404, 413, 429}));
  assign["requestBody"] = {
      {"required", true},
      {"content", JsonContent(json{{"type", "object"},
                                   {"properties", {{"assignee", {{"type", {"string", "null"}}}}}},
                                   {"required", {"assignee"}}})}};
  return {{"list", list}, {"one", one}, {"decide", decide}, {"review", review}, {"assign", assign}};
}

// Screening records and the gap report.
json RecordOperations() {
  json list = Operation(
      "screenings",
      "Screening records, newest first (service started with --store): who screened what "
      "(/match queries, /payments/screen messages, CLI runs), when, against which list versions, "
      "with what result. A viewer or analyst sees their own; a reviewer or admin everyone's",
      {Param("actor", "query", String(), "Only this user's records (reviewer role for another's)"),
       Param("kind", "query", String(), "name, batch or payment"),
       Param("since", "query", String(), "Only records at or after this UTC date or time"),
       Param("q", "query", String(), "Only records whose subject contains this text"),
       Param("before", "query", Integer(1, 2000000000), "Only records before this id (paging)"),
       Param("limit", "query", Integer(1, 1000), "Records (default 100)")},
      ErrorReplies({{"200", Reply("Records: id, at, actor, channel, kind, outcome, subject, "
                                  "versions, result",
                                  "schemas/Object")}},
                   {400, 401, 403, 404, 429}));
  json one = Operation(
      "screening", "One screening record (404 when it is another's and the caller is no reviewer)",
      {Param("id", "path", Integer(1, 2000000000), "Record id")},
      ErrorReplies({{"200", Reply("The record", "schemas/Object")}}, {401, 403, 404, 429}));
  json gaps = Operation(
      "gaps",
      "The gap report over the served lists (as embargo gaps): which lists designate each "
      "target, UN targets missing from each national list (with the closest record and why it "
      "was not linked), targets only one jurisdiction lists, who listed first",
      {Param("regime", "query", String(), "DPRK, IRAN, LIBYA, ... (default: every target)"),
       Param("format", "query", String(), "json (default), csv or html"),
       Param("explain", "query", {{"type", "boolean"}},
             "Name each missing target's closest record (default true; slower)")},
      ErrorReplies({{"200", Reply("The report", "schemas/Object")}}, {400, 401, 403, 429}));
  json html = {{"text/html", {{"schema", String()}}}};
  json certificate = Operation(
      "screening_certificate",
      "The record's screening certificate: a self-contained HTML page (what was screened, when, "
      "by whom, against which list versions, with what result, and the audit row that records "
      "it)",
      {Param("id", "path", Integer(1, 2000000000), "Record id")},
      ErrorReplies({{"200", {{"description", "HTML"}, {"content", html}}}}, {401, 403, 404, 429}));
  return {{"list", list}, {"one", one}, {"certificate", certificate}, {"gaps", gaps}};
}

// The audit trail, the caller, and the workbench's pages.
json WorkbenchOperations() {
  json audit = Operation(
      "audit_rows",
      "The latest audit rows, newest first (reviewer role; service started with --store); "
      "each row's recorded table state is left out",
      {Param("limit", "query", Integer(1, 1000), "Rows (default 50)"),
       Param("before", "query", Integer(1, 2000000000), "Only rows before this one (paging)")},
      ErrorReplies({{"200", Reply("Audit rows", "schemas/Object")}}, {400, 401, 403, 404, 429}));
  json verify = Operation(
      "audit_verify",
      "Walk the hash chain and compare every audited table with what the chain records; the "
      "published heads are checked, the audit key's anchors are not (embargo audit verify with "
      "the key) (reviewer role)",
      json::array(),
      ErrorReplies({{"200", Reply("The verification report: ok, rows, head, differences, "
                                  "problems, notes",
                                  "schemas/Object")}},
                   {401, 403, 404, 429}));
  json whoami = Operation(
      "whoami", "The user and role of the request's key (loopback without keys: local, admin)",
      json::array(),
      ErrorReplies({{"200", Reply("user, role, monitoring", "schemas/Object")}}, {401, 403, 429}));
  json html = {{"text/html", {{"schema", String()}}}};
  json ui = Operation(
      "workbench",
      "The analyst's workbench: an HTML page over this API (no key needed to load it; it asks "
      "for one)",
      json::array(), ErrorReplies({{"200", {{"description", "HTML"}, {"content", html}}}}, {403}));
  json asset = Operation(
      "workbench_file", "The workbench's script modules and style sheet",
      {Param("file", "path", String(), "app.css, or a script module: app.js, core.js, ...")},
      ErrorReplies({{"200", {{"description", "JavaScript or CSS"}}}}, {403, 404}));
  json versions = Operation(
      "list_versions", "Every list version the store holds, newest first (service with --store)",
      json::array(),
      ErrorReplies({{"200", Reply("Versions: id, dataset, published, effective_date, entities...",
                                  "schemas/Object")}},
                   {401, 403, 404, 429}));
  json diff = Operation(
      "list_version_diff",
      "What changed in this version since the version of its list stored before it: entities "
      "added, removed, and changed with each field's values added and removed",
      {Param("id", "path", Integer(1, 2000000000), "List version id")},
      ErrorReplies({{"200", Reply("from, to, counts, added, removed, changed", "schemas/Object")}},
                   {401, 403, 404, 429}));
  json history = Operation(
      "entity_history",
      "One listed entity across the stored versions of its list: added, changed (with what "
      "changed), unchanged, removed",
      {Param("id", "path", String(), "Entity id")},
      ErrorReplies({{"200", Reply("entity, versions", "schemas/Object")}}, {401, 403, 404, 429}));
  return {{"audit", audit}, {"verify", verify},     {"whoami", whoami}, {"ui", ui},
          {"asset", asset}, {"versions", versions}, {"diff", diff},     {"history", history}};
}

json PaymentsOperation() {
  json op = Operation(
      "screen_payment",
      "Screen payment messages, raw: ISO 20022 XML (pacs.008, pacs.009, pain.001) or SWIFT MT "
      "FIN (MT103, MT202, MT202COV; several separated by '$'). Every party and agent name, BIC, "
      "country, town and free-text field is screened against the lists and the embargoed "
      "jurisdictions; a message with any hit is held",
      {Param("threshold", "query", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}},
             "Name alert threshold (default 0.8)")},
      ErrorReplies({{"200", Reply("The decision, and each message with its hits (field path, "
                                  "what matched, score, explanation) and parties",
                                  "schemas/PaymentScreening")}},
                   {400, 401, 403, 413, 429}));
  json raw = {{"schema", String()}};
  op["requestBody"] = {
      {"required", true},
      {"content",
       {{"application/xml", raw}, {"text/plain", raw}, {"application/octet-stream", raw}}}};
  return op;
}

// The OpenRefine reconciliation service (service/reconcile_handler.h).
json ReconcileOperations() {
  json batch = Param("queries", "query", String(),
                     "JSON: {key: {query, type, limit, properties: [{pid, v}]}}: answered as "
                     "POST answers it");
  json extend = Param("extend", "query", String(),
                      "JSON: {ids, properties: [{id, settings: {limit, render}}]}: answered as "
                      "POST answers it");
  json filters = {Param("algorithm", "query", String(), "As /match: every name runs embargo-v1")};
  for (json& p : ScopeParams()) filters.push_back(std::move(p));
  json get_params = {DatasetParam(), batch, extend};
  for (const json& p : filters) get_params.push_back(p);
  json manifest = Operation(
      "reconcile",
      "OpenRefine reconciliation: the service manifest, or with queries or extend their answer",
      get_params,
      ErrorReplies({{"200", Reply("The manifest, or one result list per query key, or the "
                                  "extension's rows",
                                  "schemas/ReconcileAnswer")}},
                   {400, 401, 403, 404, 413, 422, 429}));
  json post_params = {DatasetParam()};
  for (const json& p : filters) post_params.push_back(p);
  json post = Operation(
      "reconcile_queries",
      "OpenRefine reconciliation queries or data extension, in the form fields queries / extend "
      "(or as members of a JSON body)",
      post_params,
      ErrorReplies({{"200", Reply("One result list per query key (x-batch-size: their count), or "
                                  "the extension's rows",
                                  "schemas/ReconcileAnswer")}},
                   {400, 401, 403, 404, 413, 415, 422, 429}));
  json form = {{"type", "object"}, {"properties", {{"queries", String()}, {"extend", String()}}}};
  post["requestBody"] = {{"required", true},
                         {"content",
                          {{"application/x-www-form-urlencoded", {{"schema", form}}},
                           {"application/json", {{"schema", {{"type", "object"}}}}}}}};
  json prefix = Param("prefix", "query", String(), "The beginning of a name, id or label");
  auto suggest = [&](const std::string& id, const std::string& summary, json params,
                     std::vector<int> errors) {
    return Operation(
        id, summary, std::move(params),
        ErrorReplies({{"200", Reply(summary, "schemas/ReconcileSuggestions")}}, errors));
  };
  json html = {{"text/html", {{"schema", String()}}}};
  json preview =
      Operation("reconcile_preview", "An entity as a small HTML card, for OpenRefine's preview",
                {DatasetParam(), Param("id", "query", String(), "Entity id (required)")},
                ErrorReplies({{"200", {{"description", "HTML"}, {"content", html}}}},
                             {400, 401, 403, 404, 429}));
  return {
      {"manifest", manifest},
      {"post", post},
      {"entity", suggest("reconcile_suggest_entity", "Entities whose name begins with the prefix",
                         {DatasetParam(), prefix,
                          Param("limit", "query", Integer(0, 500), "Suggestions (default 10)")},
                         {401, 403, 404, 422, 429})},
      {"type", suggest("reconcile_suggest_type", "Types whose id or label begins with the prefix",
                       {DatasetParam(), prefix}, {401, 403, 404, 429})},
      {"property", suggest("reconcile_suggest_property",
                           "Scored properties whose id or label begins with the prefix",
                           {DatasetParam(), prefix}, {401, 403, 404, 429})},
      {"extend",
       Operation("reconcile_extend_property", "The properties data extension can add to a type",
                 {DatasetParam(), Param("type", "query", String(), "An FtM type (default Thing)"),
                  Param("limit", "query", Integer(0, 1000), "Most properties (0: all)")},
                 ErrorReplies({{"200", Reply("The properties", "schemas/Object")}},
                              {400, 401, 403, 404, 422, 429}))},
      {"preview", preview}};
}

json Paths() {
  json reconcile = ReconcileOperations();
  json unauthenticated = json::array();  // security: [] switches the API key off
  // Probes are answered on the I/O threads and never counted against the 429 limit.
  json health = SimpleGet("healthz", "Liveness", "schemas/Status", {});
  json ready =
      SimpleGet("readyz", "Readiness: 503 until the index is loaded", "schemas/Readiness", {503});
  health["security"] = ready["security"] = unauthenticated;
  return {
      {"/match/{dataset}", {{"post", MatchOperation()}}},
      {"/search/{dataset}", {{"get", SearchOperation()}}},
      {"/entities/{id}", {{"get", EntityOperation()}}},
      {"/catalog", {{"get", CatalogOperation()}}},
      {"/algorithms",
       {{"get", SimpleGet("algorithms", "Scoring algorithms", "schemas/Object", {401, 403, 429})}}},
      {"/healthz", {{"get", health}}},
      {"/readyz", {{"get", ready}}},
      {"/metrics", {{"get", MetricsOperation()}}},
      {"/openapi.json",
       {{"get", SimpleGet("openapi", "This document", "schemas/Object", {401, 403, 429})}}},
      {"/admin/reload", {{"post", ReloadOperation()}}},
      {"/manifest",
       {{"get", Operation("manifest",
                          "The manifest the datasets were loaded from (serve --manifest): "
                          "names, titles, versions, collections; no server paths",
                          json::array(),
                          ErrorReplies({{"200", Reply("The manifest", "schemas/Object")}},
                                       {401, 403, 429}))}}},
      {"/updatez",
       {{"post", UpdateOperation()},
        {"get", Operation("updatez_get", "Not allowed: POST /updatez", json::array(),
                          ErrorReplies({}, {405}))}}},
      {"/alerts", {{"get", AlertOperations()["list"]}}},
      {"/alerts/{id}", {{"get", AlertOperations()["one"]}}},
      {"/alerts/{id}/decision", {{"post", AlertOperations()["decide"]}}},
      {"/alerts/{id}/review", {{"post", AlertOperations()["review"]}}},
      {"/alerts/{id}/assign", {{"post", AlertOperations()["assign"]}}},
      {"/screenings", {{"get", RecordOperations()["list"]}}},
      {"/screenings/{id}", {{"get", RecordOperations()["one"]}}},
      {"/screenings/{id}/certificate", {{"get", RecordOperations()["certificate"]}}},
      {"/gaps", {{"get", RecordOperations()["gaps"]}}},
      {"/audit", {{"get", WorkbenchOperations()["audit"]}}},
      {"/audit/verify", {{"post", WorkbenchOperations()["verify"]}}},
      {"/whoami", {{"get", WorkbenchOperations()["whoami"]}}},
      {"/versions", {{"get", WorkbenchOperations()["versions"]}}},
      {"/versions/{id}/diff", {{"get", WorkbenchOperations()["diff"]}}},
      {"/history/{id}", {{"get", WorkbenchOperations()["history"]}}},
      {"/ui", {{"get", WorkbenchOperations()["ui"]}}},
      {"/ui/{file}", {{"get", WorkbenchOperations()["asset"]}}},
      {"/payments/screen", {{"post", PaymentsOperation()}}},
      {"/reconcile/{dataset}", {{"get", reconcile["manifest"]}, {"post", reconcile["post"]}}},
      {"/reconcile/{dataset}/suggest/entity", {{"get", reconcile["entity"]}}},
      {"/reconcile/{dataset}/suggest/type", {{"get", reconcile["type"]}}},
      {"/reconcile/{dataset}/suggest/property", {{"get", reconcile["property"]}}},
      {"/reconcile/{dataset}/extend/property", {{"get", reconcile["extend"]}}},
      {"/reconcile/{dataset}/preview", {{"get", reconcile["preview"]}}},
  };
}

json Object(const json& properties, const std::vector<std::string>& required = {}) {
  json o = {{"type", "object"}, {"properties", properties}};
  if (!required.empty()) o["required"] = required;
  return o;
}

// /entities/{id}: the entity's counterparts on other lists (xref/entity_view.h).
json XrefSchema() {
  json objects = {{"type", "array"}, {"items", {{"type", "object"}}}};
  json member =
      Object({{"id", String()}, {"dataset", String()}, {"caption", String()}, {"names", Strings()}},
             {"id", "dataset"});
  json link = Object({{"a_id", String()},
                      {"b_id", String()},
                      {"method", String()},
                      {"confidence", {{"type", "number"}}},
                      {"evidence", Strings()}},
                     {"a_id", "b_id", "method"});
  return Object({{"counterparts", {{"type", "array"}, {"items", member}}},
                 {"links", {{"type", "array"}, {"items", link}}},
                 {"ambiguous", objects},
                 {"unlinked", objects}},
                {"counterparts", "links", "ambiguous", "unlinked"});
}

// payments/screening_json.h: one screened message.
json PaymentMessageSchema() {
  json hit = Object({{"path", String()},
                     {"role", String()},
                     {"kind", String()},
                     {"text", String()},
                     {"score", {{"type", "number"}}},
                     {"detail", String()},
                     {"entity", {{"type", "object"}}},
                     {"place", {{"type", "object"}}},
                     {"explanation", {{"type", "object"}}}},
                    {"path", "kind", "text", "score", "detail"});
  json hits = {{"type", "array"}, {"items", hit}};
  return Object({{"file", String()},
                 {"line", {{"type", "integer"}}},
                 {"syntax", String()},
                 {"type", String()},
                 {"id", String()},
                 {"decision", String()},
                 {"reasons", Strings()},
                 {"hits", hits},
                 {"cleared", hits},
                 {"parties", {{"type", "array"}, {"items", {{"type", "object"}}}}}},
                {"type", "decision", "hits"});
}

json EntitySchema() {
  json values = {{"type", "object"}, {"additionalProperties", Strings()}};
  return Object({{"id", String()},
                 {"caption", String()},
                 {"schema", String()},
                 {"properties", values},
                 {"datasets", Strings()},
                 {"referents", Strings()},
                 {"target", {{"type", "boolean"}}},
                 {"score", {{"type", "number"}}},
                 {"match", {{"type", "boolean"}}},
                 {"explanations", {{"type", "object"}}},
                 {"links", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                 {"xref", XrefSchema()}},
                {"id", "schema", "properties"});
}

json MatchRequestSchema() {
  json example =
      Object({{"id", String()},
              {"schema", String()},
              {"properties",
               {{"type", "object"}, {"additionalProperties", {{"oneOf", {String(), Strings()}}}}}}},
             {"properties"});
  json numbers = {{"type", "object"}, {"additionalProperties", {{"type", "number"}}}};
  return Object({{"queries", {{"type", "object"}, {"additionalProperties", example}}},
                 {"weights", numbers},
                 {"config", {{"type", "object"}}}},
                {"queries"});
}

// A reconciliation candidate or suggestion: types, properties and entities
// share id, name and description; entities add type, and as candidates score,
// match and features.
json ReconcileCandidateSchema() {
  json type = Object({{"id", String()}, {"name", String()}, {"description", String()}});
  json feature = Object({{"id", String()}, {"value", {{"type", "number"}}}});
  return Object({{"id", String()},
                 {"name", String()},
                 {"description", String()},
                 {"type", {{"type", "array"}, {"items", type}}},
                 {"score", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}},
                 {"match", {{"type", "boolean"}}},
                 {"features", {{"type", "array"}, {"items", feature}}}},
                {"id", "name"});
}

json ReconcileAnswerSchema() {
  json results =
      Object({{"result", {{"type", "array"}, {"items", ReconcileCandidateSchema()}}}}, {"result"});
  json manifest = Object({{"versions", Strings()},
                          {"name", String()},
                          {"identifierSpace", String()},
                          {"schemaSpace", String()},
                          {"view", {{"type", "object"}}},
                          {"preview", {{"type", "object"}}},
                          {"suggest", {{"type", "object"}}},
                          {"extend", {{"type", "object"}}},
                          {"defaultTypes", {{"type", "array"}, {"items", {{"type", "object"}}}}}},
                         {"versions", "name", "identifierSpace", "schemaSpace"});
  json extension = Object({{"meta", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                           {"rows", {{"type", "object"}}}},
                          {"meta", "rows"});
  return {
      {"oneOf", {manifest, extension, {{"type", "object"}, {"additionalProperties", results}}}}};
}

json Total() { return Object({{"value", {{"type", "integer"}}}, {"relation", String()}}); }

json Schemas() {
  json results = {{"type", "array"}, {"items", Ref("schemas/Entity")}};
  json warnings = Strings();
  warnings["description"] =
      "How the query's fields were read: each field ignored or read more than one way (e.g. "
      "\"birth_date '03/04/1987' is ambiguous: read as 1987-03-04 or 1987-04-03\")";
  json query = {{"type", "object"},
                {"description", "The query as read: names, ISO birth dates, ISO country codes"}};
  json detail = String();
  detail["description"] = "Why the query was not screened (status 400: no usable name)";
  json response = Object({{"status", {{"type", "integer"}}},
                          {"results", results},
                          {"total", Total()},
                          {"query", query},
                          {"warnings", warnings},
                          {"detail", detail}});
  return {
      {"Error", Object({{"detail", String()}}, {"detail"})},
      {"Status", Object({{"status", String()}})},
      {"Readiness",
       Object({{"status", String()},
               {"index_version", String()},
               {"entities", {{"type", "integer"}}},
               {"reloading", {{"type", "boolean"}}},
               {"cross_links_ready",
                {{"type", "boolean"},
                 {"description", "the lists' cross-list links for /entities are made"}}},
               {"last_reload",
                Object({{"at", String()},
                        {"ok", {{"type", "boolean"}}},
                        {"error",
                         {{"type", "string"},
                          {"description", "admins only: the error names server files"}}}})},
               {"datasets",
                {{"type", "array"},
                 {"description", "admins only: where each loaded dataset was read from"},
                 {"items", Object({{"name", String()}, {"path", String()}})}}}},
              {"status", "index_version", "entities", "reloading", "cross_links_ready"})},
      {"Object", {{"type", "object"}}},
      {"Entity", EntitySchema()},
      {"MatchRequest", MatchRequestSchema()},
      {"MatchResponse",
       Object({{"responses", {{"type", "object"}, {"additionalProperties", response}}},
               {"limit", {{"type", "integer"}}}})},
      {"SearchResponse", Object({{"limit", {{"type", "integer"}}},
                                 {"offset", {{"type", "integer"}}},
                                 {"total", Total()},
                                 {"results", results},
                                 {"facets", {{"type", "object"}}}})},
      {"PaymentScreening",
       Object({{"decision", {{"type", "string"}, {"enum", {"pass", "hold"}}}},
               {"messages", {{"type", "array"}, {"items", PaymentMessageSchema()}}},
               {"errors", {{"type", "array"}, {"items", {{"type", "object"}}}}}},
              {"decision", "messages"})},
      {"ReconcileAnswer", ReconcileAnswerSchema()},
      {"ReconcileSuggestions",
       Object({{"code", String()},
               {"status", String()},
               {"prefix", String()},
               {"result", {{"type", "array"}, {"items", ReconcileCandidateSchema()}}}},
              {"prefix", "result"})},
      {"Catalog", Object({{"datasets", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                          {"current", Strings()},
                          {"outdated", Strings()},
                          {"index_stale", {{"type", "boolean"}}}})},
  };
}

json BuildDocument() {
  json api_key = {{"type", "apiKey"},
                  {"in", "header"},
                  {"name", "Authorization"},
                  {"description", "The header value is 'ApiKey <key>'"}};
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "embargo"},
            {"version", "0.1.0"},
            {"description", "Sanctions screening with a yente-compatible API"}}},
          {"paths", Paths()},
          {"components", {{"schemas", Schemas()}, {"securitySchemes", {{"ApiKey", api_key}}}}},
          {"security", {{{"ApiKey", json::array()}}}}};
}

}  // namespace

const nlohmann::json& OpenApiDocument() {
  static const nlohmann::json document = BuildDocument();
  return document;
}

std::vector<std::pair<std::string, std::string>> DocumentedRoutes() {
  std::vector<std::pair<std::string, std::string>> routes;
  for (const auto& [path, operations] : OpenApiDocument()["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      routes.emplace_back(upper, path);
    }
  }
  return routes;
}

}  // namespace embargo::service
