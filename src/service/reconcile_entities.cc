#include "service/reconcile_entities.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "common/html_report.h"
#include "common/strings.h"
#include "model/country.h"
#include "service/catalog_handler.h"
#include "service/ftm_output.h"
#include "service/reconcile_schema.h"

namespace embargo::service {
namespace {

using nlohmann::json;

// One property an extension asks for.
struct Asked {
  std::string id;    // as asked: "birthDate" or "Person:birthDate"
  std::string name;  // the FtM property name
  const ReconProperty* known = nullptr;
  size_t limit = 0;  // 0: all values
  bool raw = false;  // country codes as they are
};

std::optional<size_t> ReadCount(const json& value) {
  if (value.is_null()) return 0;
  if (value.is_number_unsigned()) return value.get<size_t>();
  if (value.is_string()) return ParseNumber<size_t>(value.get<std::string>());
  return std::nullopt;
}

Result<Asked> ReadAsked(size_t i, const json& p) {
  if (!p.is_object() || !p.contains("id") || !p["id"].is_string())
    return MakeError(fmt::format("extend: properties[{}] must be an object with an 'id'", i));
  Asked a;
  a.id = p["id"].get<std::string>();
  a.name = a.id.substr(a.id.find(':') + 1);  // npos + 1 == 0: the whole id
  a.known = FindReconProperty(a.id);
  json settings = p.contains("settings") ? p["settings"] : json::object();
  if (!settings.is_object())
    return MakeError(fmt::format("extend: property '{}': 'settings' must be an object", a.id));
  std::optional<size_t> limit = ReadCount(settings.value("limit", json()));
  if (!limit) {
    return MakeError(
        fmt::format("extend: property '{}': 'limit' must be an integer of 0 or more", a.id));
  }
  a.limit = *limit;
  json render = settings.value("render", json("caption"));
  if (render != "caption" && render != "raw") {
    return MakeError(
        fmt::format("extend: property '{}': 'render' must be \"caption\" or \"raw\"", a.id));
  }
  a.raw = render == "raw";
  return a;
}

Result<std::vector<std::string>> ReadIds(const json& request, const Limits& limits) {
  const json& ids = request["ids"];
  if (!ids.is_array()) return MakeError("extend: 'ids' must be a list of entity ids");
  if (ids.size() > limits.max_queries) {
    return MakeError(fmt::format("extend: too many ids in one batch: {}, at most {}", ids.size(),
                                 limits.max_queries));
  }
  std::vector<std::string> out;
  for (const json& id : ids) {
    if (!id.is_string()) return MakeError("extend: 'ids' must be a list of entity ids");
    out.push_back(id.get<std::string>());
  }
  return out;
}

// One entity's row: each property asked for, its values as asked.
json Row(const Entity& entity, const std::vector<Asked>& asked) {
  json properties = EntityToFtm(entity)["properties"];
  json row = json::object();
  for (const Asked& a : asked) {
    json values = json::array();
    if (properties.contains(a.name)) {
      for (const json& v : properties[a.name]) {
        if (a.limit > 0 && values.size() >= a.limit) break;
        std::string text = v.get<std::string>();
        if (!a.raw && a.known != nullptr && a.known->country) text = CountryLabel(text);
        values.push_back({{"str", text}});
      }
    }
    row[a.id] = std::move(values);
  }
  return row;
}

// "<dt>label</dt><dd>a; b</dd>", or nothing without values.
std::string Field(std::string_view label, const std::vector<std::string>& values) {
  if (values.empty()) return "";
  std::string joined;
  for (const std::string& v : values) joined += (joined.empty() ? "" : "; ") + HtmlEscape(v);
  return fmt::format("<dt>{}</dt><dd>{}</dd>", HtmlEscape(label), joined);
}

std::vector<std::string> CountryLabels(const std::vector<std::string>& codes) {
  std::vector<std::string> out;
  for (const std::string& c : codes) out.push_back(CountryLabel(c));
  return out;
}

constexpr size_t kPreviewNames = 8;

std::string PreviewHtml(const Entity& e) {
  std::vector<std::string> names, dates, ids;
  for (size_t i = 1; i < e.names.size() && names.size() < kPreviewNames; ++i) {
    if (e.names[i].value != e.caption()) names.push_back(e.names[i].value);
  }
  for (const DateSpec& d : e.birth_dates) dates.push_back(d.ToString());
  for (const Identifier& id : e.identifiers)
    ids.push_back(fmt::format("{} {}", IdTypeName(id.type), id.value));
  std::string fields =
      Field("Other names", names) + Field("Birth date", dates) +
      Field(e.schema == Schema::kPerson ? "Nationality" : "Country",
            CountryLabels(e.nationalities)) +
      Field(e.schema == Schema::kVessel ? "Flag" : "Linked country", CountryLabels(e.countries)) +
      Field("Identifiers", ids) + Field("Programs", e.programs) +
      Field("Listed on", e.listed_on.empty() ? std::vector<std::string>{}
                                             : std::vector<std::string>{e.listed_on});
  return fmt::format(
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{0}</title><style>"
      "body{{font:13px sans-serif;margin:8px}}h3{{margin:0 0 4px}}p{{color:#555;margin:0 0 8px}}"
      "dt{{font-weight:bold;margin-top:6px}}dd{{margin:0}}</style></head><body>"
      "<h3>{0}</h3><p>{1} &middot; {2}</p><dl>{3}</dl><p><code>{4}</code></p></body></html>\n",
      HtmlEscape(e.caption()), HtmlEscape(ReconTypeOf(e.schema).label),
      HtmlEscape(DatasetTitle(e.dataset)), fields, HtmlEscape(e.id));
}

}  // namespace

Response ExtendEntities(const ServingSnapshot& snapshot, const json& request,
                        const Limits& limits) {
  if (!request.is_object() || !request.contains("ids") || !request.contains("properties"))
    return ErrorResponse(400, "extend must be an object with 'ids' and 'properties'");
  Result<std::vector<std::string>> ids = ReadIds(request, limits);
  if (!ids.ok()) return ErrorResponse(400, ids.error().message);
  const json& properties = request["properties"];
  if (!properties.is_array()) return ErrorResponse(400, "extend: 'properties' must be a list");
  std::vector<Asked> asked;
  json meta = json::array();
  for (size_t i = 0; i < properties.size(); ++i) {
    Result<Asked> a = ReadAsked(i, properties[i]);
    if (!a.ok()) return ErrorResponse(400, a.error().message);
    meta.push_back({{"id", a->id}, {"name", a->known ? std::string(a->known->label) : a->name}});
    asked.push_back(std::move(*a));
  }
  json rows = json::object();
  for (const std::string& id : *ids) {
    const Entity* entity = snapshot.screener->FindEntity(id);
    rows[id] = entity == nullptr ? json::object() : Row(*entity, asked);
  }
  Response r;
  r.body = {{"meta", std::move(meta)}, {"rows", std::move(rows)}};
  r.headers.emplace_back("x-batch-size", std::to_string(ids->size()));
  return r;
}

Response ProposeProperties(const Params& params) {
  std::string type = Param(params, "type", "Thing");
  if (type.empty()) type = "Thing";
  if (FindReconType(type) == nullptr)
    return ErrorResponse(400, fmt::format("Invalid type: {}", type));
  std::optional<size_t> limit = ParseNumber<size_t>(Param(params, "limit", "0"));
  if (!limit) return ErrorResponse(422, "limit must be an integer of 0 or more");
  std::vector<const ReconProperty*> found;
  for (const ReconProperty& p : ReconProperties()) {
    if (IsTypeOrParent(p.schema, type)) found.push_back(&p);
  }
  // The name, then the other properties screening reads (country, birth date, ...),
  // as a client showing the first few wants them; each group by label.
  std::stable_sort(found.begin(), found.end(), [](const ReconProperty* a, const ReconProperty* b) {
    if ((a->name == "name") != (b->name == "name")) return a->name == "name";  // name leads
    bool a_scored = a->field != QueryField::kNone, b_scored = b->field != QueryField::kNone;
    if (a_scored != b_scored) return a_scored;
    return a->label < b->label;
  });
  if (*limit > 0 && found.size() > *limit) found.resize(*limit);
  json properties = json::array();
  for (const ReconProperty* p : found) properties.push_back({{"id", p->name}, {"name", p->label}});
  Response r;
  r.body = {{"limit", *limit}, {"type", type}, {"properties", std::move(properties)}};
  return r;
}

Response PreviewEntity(const ServingSnapshot& snapshot, const std::string& id) {
  if (id.empty()) return ErrorResponse(400, "id: an entity id is required");
  const Entity* entity = snapshot.screener->FindEntity(id);
  if (entity == nullptr) return ErrorResponse(404, fmt::format("No such entity: {}", id));
  Response r;
  r.text = PreviewHtml(*entity);
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'none'; style-src 'unsafe-inline'");
  return r;
}

}  // namespace embargo::service
