#include "payments/payment_screener.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "common/strings.h"
#include "model/imo.h"
#include "payments/codes.h"

namespace embargo::payments {
namespace {

// A window whose best candidate scores at least this is screened again on
// the words that candidate aligned with (a name followed by an address in
// one field); below it, the candidate shares too little with the window.
constexpr double kRescreenFloor = 0.3;
// Candidates looked at per window.
constexpr size_t kWindowCandidates = 5;
// A window with fewer letters is not a name (codes, "TEST").
constexpr size_t kMinWindowLetters = 4;
// Free text is screened on spans of words that occur in listed names, up to
// this many words long, holding at least one distinctive word
// (ListedWords::kDistinctiveNames).
constexpr size_t kMaxTextNameWords = 5;
// Spans screened per free-text field, at most (a field of listed words
// cannot make one message cost seconds).
constexpr size_t kMaxTextSpans = 200;

bool HasDigit(std::string_view word) {
  return std::any_of(word.begin(), word.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; });
}

size_t LetterCount(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c >= 0x80 || std::isalpha(c)) ? 1 : 0;
  return n;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line);
    start = end + 1;
  }
  return lines;
}

// A free-text line as a name window: an MT code ("/INS/", "/RFB/", the
// "//" of a continuation) dropped, slashes read as spaces, words holding
// digits (references, amounts, account numbers) left out.
std::string TextLineAsNames(std::string_view line) {
  if (line.size() > 1 && line[0] == '/' && line[1] == '/') {
    line.remove_prefix(2);
  } else if (!line.empty() && line[0] == '/') {
    size_t close = line.find('/', 1);
    if (close != std::string_view::npos && close <= 9) line.remove_prefix(close + 1);
  }
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '/' || line[i] == '\t')) ++i;
    size_t begin = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '/' && line[i] != '\t') ++i;
    std::string_view word = line.substr(begin, i - begin);
    if (word.empty() || HasDigit(word)) continue;
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

// The names an MT party field's lines (35 characters each) may hold: the
// first line, which the field's format reserves for the name, and the first
// two lines joined when the second holds no digit (a house number, a
// postcode: the address has begun), since a long name wraps. The second
// line may as well be the address (VIKTOR BOUT / MOSCOW RU): both are
// screened.
std::vector<std::string> NameLines(const std::vector<std::string>& lines) {
  std::vector<const std::string*> usable;
  for (const std::string& line : lines) {
    if (LetterCount(line) > 0) usable.push_back(&line);
    if (usable.size() == 2) break;
  }
  if (usable.empty()) return {};
  if (usable.size() == 1 || HasDigit(*usable[1])) return {*usable[0]};
  return {*usable[0], *usable[0] + " " + *usable[1]};
}

std::string Suffixed(const Message& message, const std::string& path, std::string_view suffix) {
  if (message.syntax != Syntax::kIso20022 || suffix.empty()) return path;
  return path + "/" + std::string(suffix);
}

// The words of `window` a candidate aligned with, first to last, or "" when
// that is the whole window (nothing to trim) or cannot be told.
std::string AlignedSpan(std::string_view window, const Explanation& explanation) {
  std::set<std::string> aligned;
  for (const TokenAlignment& a : explanation.alignment) {
    for (const Word& w : SplitWords(a.query)) aligned.insert(w.key);
  }
  std::vector<Word> words = SplitWords(window);
  size_t first = words.size(), last = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (aligned.count(words[i].key) == 0) continue;
    first = std::min(first, i);
    last = i;
  }
  if (first == words.size() || (first == 0 && last + 1 == words.size())) return "";
  return std::string(window.substr(words[first].begin, words[last].end - words[first].begin));
}

// Whether a re-screened span names the whole listed name: every listed
// token aligned, and two or more of them, or one exact one of five letters
// or more.
bool SpanNamesWholeName(const Explanation& explanation) {
  if (!explanation.unmatched_candidate.empty() || explanation.alignment.empty()) return false;
  if (explanation.alignment.size() >= 2) return true;
  const TokenAlignment& only = explanation.alignment.front();
  return only.kind == "exact" && LetterCount(only.candidate) >= ListedWords::kMinSingleWordLetters;
}

}  // namespace

struct PaymentScreener::Context {
  const Message& message;
  const PaymentScreenOptions& options;
  std::vector<Hit> hits;
  std::set<std::string> screened;  // window texts already screened, per kind
  std::string field_text;          // the free-text field being screened, if one is

  void Add(Hit hit) {
    hit.field_text = field_text;
    auto same = [&](const Hit& h) {
      return h.path == hit.path && h.kind == hit.kind && h.entity == hit.entity &&
             h.place == hit.place;
    };
    auto it = std::find_if(hits.begin(), hits.end(), same);
    if (it == hits.end()) {
      hits.push_back(std::move(hit));
    } else if (hit.score > it->score) {
      *it = std::move(hit);
    }
  }
};

PaymentScreener::PaymentScreener(std::shared_ptr<const Screener> screener,
                                 std::shared_ptr<const Embargoes> embargoes)
    : screener_(std::move(screener)),
      embargoes_(std::move(embargoes)),
      party_words_(screener_->lists().entities, ListedWords::Names::kParties),
      vessel_words_(screener_->lists().entities, ListedWords::Names::kVessels) {
  for (const Entity& entity : screener_->lists().entities) {
    for (const Identifier& id : entity.identifiers) {
      if (id.type == IdType::kSwiftBic) {
        std::string bic = Bic11(id.value);
        if (bic.empty()) continue;
        bic11_.emplace(bic, &entity);
        if (bic.compare(8, 3, "XXX") == 0) bic8_.emplace(bic.substr(0, 8), &entity);
        bic6_.emplace(bic.substr(0, 6), &entity);
      } else if (id.type == IdType::kImo) {
        std::string digits = ImoDigits(id.value);
        if (digits.size() == 7) imo_.emplace(digits, &entity);
      }
    }
  }
}

Screening PaymentScreener::Screen(const Message& message,
                                  const PaymentScreenOptions& options) const {
  Context ctx{message, options, {}, {}, {}};
  for (const Party& party : message.parties) ScreenParty(party, ctx);
  for (const FreeText& text : message.free_text) ScreenFreeText(text.path, text.text, ctx);
  Screening out;
  out.threshold = options.threshold;
  for (Hit& hit : ctx.hits) {
    if (options.cleared && options.cleared(hit)) {
      out.suppressed.push_back(std::move(hit));
    } else {
      out.hits.push_back(std::move(hit));
    }
  }
  out.decision = out.hits.empty() ? "pass" : "hold";
  return out;
}

void PaymentScreener::ScreenParty(const Party& party, Context& ctx) const {
  const Message& m = ctx.message;
  Query base;
  if (party.agent) base.schema = Schema::kOrganization;
  for (const std::string* c :
       {&party.address.country, &party.country_of_residence, &party.birth_country}) {
    if (c->size() == 2) base.countries.push_back(AsciiLowercase(*c));
  }
  if (auto date = PartialDate::Parse(party.birth_date)) base.birth_dates.push_back({*date, *date});
  base.id_numbers = party.other_ids;
  if (!party.lei.empty()) base.id_numbers.push_back(party.lei);
  if (!party.bic.empty()) base.id_numbers.push_back(party.bic);

  // Names: the unstructured lines (a name may wrap onto the second), else Nm.
  const char* kind = "party_name";
  if (!party.lines.empty()) {
    for (const std::string& name : NameLines(party.lines))
      ScreenName(party.path, party.role, name, base, kind, true, ctx);
  } else if (!party.name.empty()) {
    ScreenName(Suffixed(m, party.path, party.agent ? "FinInstnId/Nm" : "Nm"), party.role,
               party.name, base, kind, true, ctx);
  }

  if (!party.bic.empty()) {
    ScreenBic(Suffixed(m, party.path, party.agent ? "FinInstnId/BICFI" : "Id/OrgId/AnyBIC"),
              party.role, party.bic, true, ctx);
  }
  const std::string adr = party.agent ? "FinInstnId/PstlAdr/" : "PstlAdr/";
  ScreenCountry(Suffixed(m, party.path, adr + "Ctry"), party.role, party.address.country, "country",
                ctx);
  ScreenCountry(Suffixed(m, party.path, "CtryOfRes"), party.role, party.country_of_residence,
                "country of residence", ctx);
  ScreenCountry(Suffixed(m, party.path, "Id/PrvtId/DtAndPlcOfBirth/CtryOfBirth"), party.role,
                party.birth_country, "country of birth", ctx);
  if (!party.iban_country.empty()) {
    std::string path = m.syntax == Syntax::kIso20022 ? party.path + "Acct/Id/IBAN" : party.path;
    ScreenCountry(path, party.role, party.iban_country, "IBAN country", ctx);
  }
  ScreenPlaces(Suffixed(m, party.path, adr + "TwnNm"), party.role, party.address.town, ctx);
  ScreenPlaces(Suffixed(m, party.path, adr + "CtrySubDvsn"), party.role, party.address.subdivision,
               ctx);
  ScreenPlaces(Suffixed(m, party.path, adr + "StrtNm"), party.role, party.address.street, ctx);
  for (const std::string& line : party.address.lines) {
    ScreenPlaces(Suffixed(m, party.path, adr + "AdrLine"), party.role, line, ctx);
  }
  ScreenPlaces(Suffixed(m, party.path, "Id/PrvtId/DtAndPlcOfBirth/CityOfBirth"), party.role,
               party.birth_place, ctx);
  ScreenPlaces(Suffixed(m, party.path, party.agent ? "FinInstnId/Nm" : "Nm"), party.role,
               party.name, ctx);
  for (const std::string& line : party.lines) ScreenPlaces(party.path, party.role, line, ctx);
}

void PaymentScreener::ScreenFreeText(const std::string& path, const std::string& text,
                                     Context& ctx) const {
  ctx.field_text = text;
  ScreenPlaces(path, "", text, ctx);
  ScreenCodes(path, text, ctx);
  ScreenTextNames(path, text, ctx);
  ctx.field_text.clear();
}

void PaymentScreener::ScreenTextNames(const std::string& path, const std::string& text,
                                      Context& ctx) const {
  // The lines joined (a name may wrap), codes and words with digits left out.
  std::string clean;
  for (const std::string& line : SplitLines(text)) {
    std::string names = TextLineAsNames(line);
    if (names.empty()) continue;
    if (!clean.empty()) clean += ' ';
    clean += names;
  }
  std::vector<Word> words = SplitWords(clean);
  Query parties;
  Query vessels;
  vessels.schema = Schema::kVessel;
  // Parties and vessels each on the words of their own names: a span that
  // could name a party is rarely a ship's name, and the other way round.
  for (const auto& [listed_words, base, kind] :
       {std::tuple<const ListedWords&, const Query&, const char*>{party_words_, parties,
                                                                  "text_name"},
        {vessel_words_, vessels, "vessel_name"}}) {
    ScreenSpans(path, clean, words, listed_words, base, kind, ctx);
  }
}

void PaymentScreener::ScreenSpans(const std::string& path, const std::string& clean,
                                  const std::vector<Word>& words, const ListedWords& listed_words,
                                  const Query& base, const char* kind, Context& ctx) const {
  std::vector<uint32_t> listed(words.size(), 0);  // listed names holding the word; 0 = none
  for (size_t i = 0; i < words.size(); ++i) listed[i] = listed_words.NamesHolding(words[i].key);
  size_t spans = 0;
  // Every span of listed words, up to kMaxTextNameWords long, that holds a
  // word few listed names share and could name a listed name whole: a
  // one-word listed name, or two neighbours in a listed name.
  for (size_t begin = 0; begin < words.size(); ++begin) {
    bool distinctive = false;
    bool paired = false;
    for (size_t end = begin; end < words.size() && end < begin + kMaxTextNameWords; ++end) {
      if (listed[end] == 0) break;
      distinctive = distinctive || listed[end] <= ListedWords::kDistinctiveNames;
      if (end > begin) {
        paired = paired || listed_words.AreNeighbours(words[end - 1].key, words[end].key);
      }
      bool possible = end == begin ? listed_words.IsOneWordName(words[begin].key) : paired;
      if (!distinctive || !possible) continue;
      if (++spans > kMaxTextSpans) return;
      std::string span = clean.substr(words[begin].begin, words[end].end - words[begin].begin);
      ScreenName(path, "", span, base, kind, false, ctx);
    }
  }
}

void PaymentScreener::ScreenName(const std::string& path, const std::string& role,
                                 const std::string& text, const Query& base, const char* kind,
                                 bool name_field, Context& ctx) const {
  if (LetterCount(text) < kMinWindowLetters) return;
  // How a screened text is judged: as a name field (the engine's score),
  // and then whether parts of it are worth screening alone; or as words cut
  // out of a field or picked out of free text, which must name the whole
  // listed name, on two words or more, or on one distinctive word spelled
  // exactly ("KOMID"), since they carry no context of their own.
  enum class Judge { kFieldAndSpans, kField, kWhole };
  std::vector<std::string> spans;
  // Queues the words of `name` a candidate aligned with, to be screened on
  // their own; `name_whole` when they must be able to name a listed name
  // whole (the candidate did not alert).
  auto queue_span = [&](const std::string& name, const Explanation& explanation, bool name_whole) {
    std::string span = AlignedSpan(name, explanation);
    if (!span.empty() && LetterCount(span) >= kMinWindowLetters &&
        (!name_whole || party_words_.CanNameWhole(span)) &&
        std::find(spans.begin(), spans.end(), span) == spans.end()) {
      spans.push_back(std::move(span));
    }
  };
  auto screen_once = [&](const std::string& name, Judge judge) {
    if (!ctx.screened.insert(std::string(kind) + '\0' + path + '\0' + name).second) return;
    Query query = base;
    query.names = {name};
    ScreenOptions options;
    options.threshold = ctx.options.threshold;
    options.cutoff = judge == Judge::kFieldAndSpans
                         ? std::min(kRescreenFloor, ctx.options.threshold)
                         : ctx.options.threshold;
    options.limit = kWindowCandidates;
    for (Match& match : screener_->Screen(query, options)) {
      bool whole = judge != Judge::kWhole || SpanNamesWholeName(match.explanation);
      if (match.match && whole) {
        Hit hit;
        hit.path = path;
        hit.role = role;
        hit.kind = kind;
        hit.text = name;
        hit.score = match.score;
        hit.entity = match.entity;
        hit.detail = fmt::format("'{}' matches {} ({} {}), score {:.2f}", name,
                                 match.explanation.matched_name, match.entity->dataset,
                                 match.entity->source_id, match.score);
        // A field that alerts with words the listed name lacks (an address
        // after the name: RI WON HO PYONGYANG DPRK) is screened again on
        // the words it aligned with, and the better hit is kept.
        if (judge == Judge::kFieldAndSpans) queue_span(name, match.explanation, false);
        hit.explanation = std::move(match.explanation);
        ctx.Add(std::move(hit));
      } else if (judge == Judge::kFieldAndSpans) {
        queue_span(name, match.explanation, true);
      }
    }
  };
  if (!name_field) return screen_once(text, Judge::kWhole);
  std::vector<Word> words = SplitWords(text);
  if (words.size() <= 2) {
    // A part of a two-word field is one word: only a one-word listed name.
    screen_once(text, Judge::kField);
    if (words.size() == 2) {
      for (const Word& w : words) {
        std::string word = text.substr(w.begin, w.end - w.begin);
        if (party_words_.CanNameWhole(word)) screen_once(word, Judge::kWhole);
      }
    }
    return;
  }
  // Parts worth screening alone exist only where the words could name a
  // listed name whole; without such words the field is judged as it is.
  if (!party_words_.HoldsPossibleName(text)) return screen_once(text, Judge::kField);
  screen_once(text, Judge::kFieldAndSpans);
  for (const std::string& span : spans) screen_once(span, Judge::kWhole);
}

void PaymentScreener::ScreenBic(const std::string& path, const std::string& role,
                                const std::string& bic, bool country_too, Context& ctx) const {
  std::string b11 = Bic11(bic);
  if (b11.empty()) return;
  auto add = [&](const Entity* entity, double score, std::string why) {
    Hit hit;
    hit.path = path;
    hit.role = role;
    hit.kind = "bic";
    hit.text = bic;
    hit.score = score;
    hit.entity = entity;
    hit.detail = fmt::format("BIC {} {} {} ({} {})", bic, why, entity->caption(), entity->dataset,
                             entity->source_id);
    ctx.Add(std::move(hit));
  };
  bool found = false;
  auto [b, e] = bic11_.equal_range(b11);
  for (auto it = b; it != e; ++it) add(it->second, 1.0, "is listed for"), found = true;
  if (!found) {
    auto [b8, e8] = bic8_.equal_range(b11.substr(0, 8));
    for (auto it = b8; it != e8; ++it) {
      add(it->second, 1.0, "is a branch of the listed BIC " + b11.substr(0, 8) + " of"),
          found = true;
    }
  }
  if (!found && country_too) {
    auto [b6, e6] = bic6_.equal_range(b11.substr(0, 6));
    for (auto it = b6; it != e6; ++it) {
      add(it->second, 0.9,
          "has the institution code and country (" + b11.substr(0, 6) + ") of a BIC listed for");
    }
  }
  if (country_too) ScreenCountry(path, role, b11.substr(4, 2), "BIC country", ctx);
}

void PaymentScreener::ScreenCountry(const std::string& path, const std::string& role,
                                    const std::string& code, const char* what, Context& ctx) const {
  if (code.empty()) return;
  const Place* place = embargoes_->Country(code);
  if (place == nullptr) return;
  Hit hit;
  hit.path = path;
  hit.role = role;
  hit.kind = std::string_view(what) == "BIC country" ? "bic_country" : "country";
  hit.text = code;
  hit.score = 1.0;
  hit.place = place;
  hit.detail =
      fmt::format("{} {} is {}, under embargo: {}", what, code, place->name, place->legal_basis);
  ctx.Add(std::move(hit));
}

void PaymentScreener::ScreenPlaces(const std::string& path, const std::string& role,
                                   const std::string& text, Context& ctx) const {
  if (text.empty()) return;
  for (PlaceMention& mention : embargoes_->Scan(text)) {
    Hit hit;
    hit.path = path;
    hit.role = role;
    hit.kind = "place";
    hit.score = 1.0;
    hit.place = mention.place;
    hit.detail =
        fmt::format("'{}' names {} ({} {}), under embargo: {}", mention.text, mention.place->name,
                    mention.place->kind, mention.place->jurisdiction, mention.place->legal_basis);
    hit.text = std::move(mention.text);
    ctx.Add(std::move(hit));
  }
}

void PaymentScreener::ScreenCodes(const std::string& path, const std::string& text,
                                  Context& ctx) const {
  std::vector<Word> words = SplitWords(text);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& key = words[i].key;
    // A BIC: only a listed one counts (ScreenBic without the country or the
    // institution's other codes), since plain words have a BIC's shape too.
    if (key.size() == 8 || key.size() == 11) {
      ScreenBic(path, "", text.substr(words[i].begin, words[i].end - words[i].begin), false, ctx);
    }
    std::string digits;
    bool marked = false;  // written as an IMO number
    if (key == "imo" && i + 1 < words.size() && words[i + 1].key.size() == 7) {
      digits = words[i + 1].key, marked = true;
    } else if (key.size() == 10 && key.compare(0, 3, "imo") == 0) {
      digits = key.substr(3), marked = true;
    } else if (key.size() == 7 && (i == 0 || words[i - 1].key != "imo")) {
      digits = key;
    }
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(),
                                       [](unsigned char c) { return std::isdigit(c) != 0; })) {
      continue;
    }
    // An unmarked seven-digit number counts only with a valid check digit.
    if (!marked && !IsValidImo(digits)) continue;
    auto [b, e] = imo_.equal_range(digits);
    for (auto it = b; it != e; ++it) {
      Hit hit;
      hit.path = path;
      hit.kind = "imo";
      hit.text = "IMO " + digits;
      hit.score = 1.0;
      hit.entity = it->second;
      hit.detail = fmt::format("IMO {} is the listed vessel {} ({} {})", digits,
                               it->second->caption(), it->second->dataset, it->second->source_id);
      ctx.Add(std::move(hit));
    }
  }
}

}  // namespace embargo::payments
