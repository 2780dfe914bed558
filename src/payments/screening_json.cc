#include "payments/screening_json.h"

#include "common/sha256.h"
#include "match/match_json.h"

namespace embargo::payments {
namespace {

void WriteParty(JsonWriter& w, const Party& party) {
  w.BeginObject();
  w.Member("role", party.role);
  w.Member("agent", party.agent);
  w.Member("path", party.path);
  if (!party.name.empty()) w.Member("name", party.name);
  if (!party.bic.empty()) w.Member("bic", party.bic);
  if (!party.clearing_id.empty()) w.Member("clearing_id", party.clearing_id);
  if (!party.account.empty()) w.Member("account", party.account);
  if (!party.address.country.empty()) w.Member("country", party.address.country);
  if (!party.address.town.empty()) w.Member("town", party.address.town);
  if (!party.address.lines.empty()) {
    w.Key("address_lines");
    w.Strings(party.address.lines);
  }
  w.EndObject();
}

}  // namespace

std::string_view SyntaxName(Syntax syntax) {
  return syntax == Syntax::kIso20022 ? "iso20022" : "swift_mt";
}

void WriteHit(JsonWriter& w, const Hit& hit) {
  w.BeginObject();
  w.Member("path", hit.path);
  if (!hit.role.empty()) w.Member("role", hit.role);
  w.Member("kind", hit.kind);
  w.Member("text", hit.text);
  w.Member("score", match::RoundScore(hit.score));
  w.Member("detail", hit.detail);
  if (hit.entity != nullptr) {
    w.Key("entity");
    w.BeginObject();
    w.Member("id", hit.entity->id);
    w.Member("dataset", hit.entity->dataset);
    w.Member("source_id", hit.entity->source_id);
    w.Member("schema", SchemaName(hit.entity->schema));
    w.Member("caption", hit.entity->caption());
    w.EndObject();
  }
  if (hit.place != nullptr) {
    w.Key("place");
    w.BeginObject();
    w.Member("jurisdiction", hit.place->jurisdiction);
    w.Member("kind", hit.place->kind);
    w.Member("name", hit.place->name);
    w.Member("legal_basis", hit.place->legal_basis);
    w.EndObject();
  }
  if (hit.explanation) {
    w.Key("explanation");
    match::WriteExplanation(w, *hit.explanation);
  }
  w.EndObject();
}

void WriteScreening(JsonWriter& w, const Message& message, const Screening& screening,
                    int64_t case_id) {
  w.BeginObject();
  w.Member("file", message.file);
  w.MemberInt("line", message.line);
  w.Member("syntax", SyntaxName(message.syntax));
  w.Member("type", message.type);
  w.Member("id", message.id);
  if (!message.uetr.empty()) w.Member("uetr", message.uetr);
  if (!message.amount.empty()) w.Member("amount", message.amount);
  if (!message.currency.empty()) w.Member("currency", message.currency);
  if (!message.date.empty()) w.Member("date", message.date);
  w.Member("decision", screening.decision);
  if (case_id > 0) w.MemberInt("case_id", case_id);
  w.Key("reasons");
  w.BeginArray();
  for (const Hit& hit : screening.hits) w.String(hit.detail);
  w.EndArray();
  w.Key("hits");
  w.BeginArray();
  for (const Hit& hit : screening.hits) WriteHit(w, hit);
  w.EndArray();
  if (!screening.suppressed.empty()) {
    w.Key("cleared");
    w.BeginArray();
    for (const Hit& hit : screening.suppressed) WriteHit(w, hit);
    w.EndArray();
  }
  w.Key("parties");
  w.BeginArray();
  for (const Party& party : message.parties) WriteParty(w, party);
  w.EndArray();
  w.EndObject();
}

void WriteParseError(JsonWriter& w, const Error& error) {
  w.BeginObject();
  w.Member("file", error.file);
  w.MemberInt("line", error.line);
  w.Member("error", error.ToString());
  w.EndObject();
}

void WriteMessageContent(JsonWriter& w, const Message& message) {
  w.BeginObject();
  w.Member("type", message.type);
  w.Member("id", message.id);
  w.Member("uetr", message.uetr);
  w.Member("amount", message.amount);
  w.Member("currency", message.currency);
  w.Member("date", message.date);
  w.Key("parties");
  w.BeginArray();
  for (const Party& p : message.parties) {
    w.BeginObject();
    w.Member("role", p.role);
    w.Member("agent", p.agent);
    w.Member("path", p.path);
    w.Member("name", p.name);
    w.Member("bic", p.bic);
    w.Member("clearing_id", p.clearing_id);
    w.Member("lei", p.lei);
    w.Key("other_ids");
    w.Strings(p.other_ids);
    w.Member("account", p.account);
    w.Key("address");
    w.BeginObject();
    w.Key("lines");
    w.Strings(p.address.lines);
    w.Member("street", p.address.street);
    w.Member("building", p.address.building);
    w.Member("post_code", p.address.post_code);
    w.Member("town", p.address.town);
    w.Member("subdivision", p.address.subdivision);
    w.Member("country", p.address.country);
    w.EndObject();
    w.Member("country_of_residence", p.country_of_residence);
    w.Member("birth_date", p.birth_date);
    w.Member("birth_place", p.birth_place);
    w.Member("birth_country", p.birth_country);
    w.Key("lines");
    w.Strings(p.lines);
    w.EndObject();
  }
  w.EndArray();
  w.Key("free_text");
  w.BeginArray();
  for (const FreeText& t : message.free_text) {
    w.BeginObject();
    w.Member("path", t.path);
    w.Member("text", t.text);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string MessageDigest(const Message& message) {
  std::string text;
  JsonWriter w(text);
  WriteMessageContent(w, message);
  return Sha256Hex(text);
}

const std::string& GoodGuyText(const Hit& hit) {
  return hit.field_text.empty() ? hit.text : hit.field_text;
}

std::string GoodGuyField(const Hit& hit) {
  if (!hit.role.empty()) return hit.role;
  std::string out;
  bool in_index = false;
  for (char c : hit.path) {
    if (c == '[') in_index = true;
    if (!in_index) out += c;
    if (c == ']') in_index = false;
  }
  return out;
}

}  // namespace embargo::payments
