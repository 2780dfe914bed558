#include "payments/swift_mt.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

#include "common/strings.h"
#include "common/utf8.h"
#include "payments/codes.h"

namespace embargo::payments {
namespace {

using std::string_view;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool AllDigits(string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), IsDigit);
}

// Bounds-checked pieces of a text: "" past its end, where substr would throw.
string_view Slice(string_view text, size_t pos, size_t count = string_view::npos) {
  return pos <= text.size() ? text.substr(pos, count) : string_view();
}

// Input quoted in an error message: at most 40 bytes, anything but printable
// ASCII shown as '?', so the message is valid UTF-8 whatever the bytes.
std::string Snippet(string_view text) {
  std::string out;
  for (char c : text.substr(0, std::min<size_t>(text.size(), 40))) {
    out += c >= 0x20 && c < 0x7f ? c : '?';
  }
  return text.size() > 40 ? out + "..." : out;
}

std::string Join(const std::vector<string_view>& lines, string_view separator) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += separator;
    out += lines[i];
  }
  return out;
}

// 1-based line and column of byte offsets, from the offsets of the '\n's.
class LineIndex {
 public:
  explicit LineIndex(string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') breaks_.push_back(i);
    }
  }
  int LineOf(size_t offset) const {
    return 1 + static_cast<int>(std::lower_bound(breaks_.begin(), breaks_.end(), offset) -
                                breaks_.begin());
  }
  int ColumnOf(size_t offset) const {
    int line = LineOf(offset);
    size_t start = line == 1 ? 0 : breaks_[line - 2] + 1;
    return 1 + static_cast<int>(offset - start);
  }

 private:
  std::vector<size_t> breaks_;
};

struct TextLine {
  string_view text;  // without its line break
  int line = 0;
};

// A field of block 4: its tag ("20", "50K") and its lines, the first one
// being what follows the tag.
struct Field {
  string_view tag;
  std::vector<TextLine> lines;
  int line = 0;
};

// The blocks of one message as written, before they are given meaning.
struct Envelope {
  string_view basic;                       // {1:} content
  std::optional<string_view> application;  // {2:}
  std::optional<string_view> user;         // {3:}
  bool text_block = false;                 // {4:} holds fields, not sub-blocks
  std::vector<TextLine> text;              // the lines between "{4:" and "-}"
};

// The id of the block opening at `pos` ("{2:" -> "2"), or "" when none does.
string_view BlockIdAt(string_view text, size_t pos) {
  if (pos >= text.size() || text[pos] != '{') return {};
  size_t end = pos + 1;
  while (end < text.size() && end - pos <= 3 && IsAsciiAlnum(text[end])) ++end;
  if (end == pos + 1 || end >= text.size() || text[end] != ':') return {};
  return text.substr(pos + 1, end - pos - 1);
}

// The tag of a line that opens a field (":20:" -> "20", ":50K:" -> "50K").
std::optional<string_view> FieldTag(string_view line) {
  if (line.size() < 4 || line[0] != ':' || !IsDigit(line[1]) || !IsDigit(line[2])) {
    return std::nullopt;
  }
  if (line[3] == ':') return line.substr(1, 2);
  if (line.size() >= 5 && IsUpper(line[3]) && line[4] == ':') return line.substr(1, 3);
  return std::nullopt;
}

// The sub-blocks of a user header or trailer ("{108:X}{121:Y}"), as tag and
// value; anything else in it is passed over.
std::vector<std::pair<string_view, string_view>> SubBlocks(string_view content) {
  std::vector<std::pair<string_view, string_view>> out;
  size_t pos = 0;
  while ((pos = content.find('{', pos)) != string_view::npos) {
    size_t colon = content.find(':', pos);
    size_t close = content.find('}', pos);
    if (close == string_view::npos) break;
    if (colon < close) {
      out.emplace_back(content.substr(pos + 1, colon - pos - 1),
                       content.substr(colon + 1, close - colon - 1));
    }
    pos = close + 1;
  }
  return out;
}

// The BIC of a 12-character logical terminal address: BIC8, terminal code,
// branch ("HANYUS33XXXX" -> "HANYUS33XXX"); "" when it is none.
std::string LtBic(string_view address) {
  if (address.size() != 12) return "";
  std::string bic = std::string(address.substr(0, 8)) + std::string(address.substr(9, 3));
  return IsBic(bic) ? Bic11(bic) : "";
}

// "250922USD700," -> date, currency, amount ("2025-09-22", "USD", "700").
struct ValueDateAmount {
  std::string date;
  std::string currency;
  std::string amount;
};

std::optional<ValueDateAmount> ReadValueDateAmount(string_view text) {
  text = Trim(text);
  string_view date = Slice(text, 0, 6), currency = Slice(text, 6, 3), amount = Slice(text, 9);
  if (!AllDigits(date) || currency.size() != 3 ||
      !std::all_of(currency.begin(), currency.end(), IsUpper)) {
    return std::nullopt;
  }
  int month = (date[2] - '0') * 10 + (date[3] - '0'), day = (date[4] - '0') * 10 + (date[5] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  if (std::count(amount.begin(), amount.end(), ',') > 1 ||
      std::count_if(amount.begin(), amount.end(), IsDigit) == 0 ||
      !std::all_of(amount.begin(), amount.end(), [](char c) { return IsDigit(c) || c == ','; })) {
    return std::nullopt;
  }
  std::string number(amount);
  std::replace(number.begin(), number.end(), ',', '.');
  if (number.back() == '.') number.pop_back();
  if (number.front() == '.') number.insert(0, "0");
  return ValueDateAmount{
      fmt::format("20{}-{}-{}", date.substr(0, 2), date.substr(2, 2), date.substr(4, 2)),
      std::string(currency), number};
}

struct Role {
  const char* name;
  bool agent;
};

// The role of a party field, by its number and option letter; nullopt for
// a field that names no party. `institution_transfer`: an MT 2xx outside
// its sequence B, where 52a and 58a are the debtor and creditor banks.
std::optional<Role> RoleOf(string_view number, char option, bool institution_transfer) {
  if (number == "50") {
    return option == 'C' || option == 'L' ? Role{"initiating_party", false} : Role{"debtor", false};
  }
  if (number == "59") return Role{"creditor", false};
  if (number == "52")
    return institution_transfer ? Role{"debtor", true} : Role{"debtor_agent", true};
  if (number == "53") return Role{"senders_correspondent", true};
  if (number == "54") return Role{"receivers_correspondent", true};
  if (number == "55") return Role{"third_reimbursement", true};
  if (number == "56") return Role{"intermediary_agent1", true};
  if (number == "57") return Role{"creditor_agent", true};
  if (number == "58") return Role{"creditor", true};
  return std::nullopt;
}

bool IsFreeText(string_view tag) {
  return tag == "70" || tag == "72" || tag == "77B" || tag == "77T" || tag == "79";
}

void SetAccount(Party& party, string_view id) {
  party.account = NormalizeAccount(Trim(id));
  party.iban_country = IbanCountry(party.account);
}

// The party identifier line of options A, B, C, D, K and none: "/account",
// "/C/account" (credit / debit mark), "//FW021000018" (clearing code).
void ReadIdentifier(string_view line, Party& party) {
  if (line.starts_with("//")) {
    party.clearing_id = std::string(line);
    return;
  }
  string_view id = Slice(line, 1);
  if (id.size() >= 2 && (id[0] == 'C' || id[0] == 'D') && id[1] == '/') id.remove_prefix(2);
  SetAccount(party, id);
}

bool IsNumberedLine(string_view line) {
  return line.size() >= 2 && line[0] >= '1' && line[0] <= '8' && line[1] == '/';
}

// "KP/PYONGYANG" -> country "KP" and the town after it.
std::pair<std::string, std::string> CountryAndTown(string_view value) {
  size_t slash = value.find('/');
  if (slash == string_view::npos) return {std::string(Trim(value)), ""};
  return {std::string(Trim(value.substr(0, slash))), std::string(Trim(value.substr(slash + 1)))};
}

void AppendWord(std::string& to, string_view word) {
  if (!to.empty() && !word.empty()) to += ' ';
  to += word;
}

// One numbered line of 50F / 59F. `last_id`: the index in other_ids of the
// last 6/ or 7/ line, which an 8/ line continues.
void ReadNumberedLine(char number, string_view value, Party& party, size_t& last_id) {
  switch (number) {
    case '1': AppendWord(party.name, value); break;
    case '2': party.address.lines.emplace_back(value); break;
    case '3':
      if (party.address.country.empty()) {
        auto [country, town] = CountryAndTown(value);
        party.address.country = country;
        AppendWord(party.address.town, town);
      } else {
        AppendWord(party.address.town, value);
      }
      break;
    case '4':
      if (value.size() == 8 && AllDigits(value)) {
        party.birth_date =
            fmt::format("{}-{}-{}", value.substr(0, 4), value.substr(4, 2), value.substr(6, 2));
      }
      break;
    case '5': std::tie(party.birth_country, party.birth_place) = CountryAndTown(value); break;
    case '6':
    case '7':
      last_id = party.other_ids.size();
      party.other_ids.emplace_back(value);
      break;
    default:  // '8': continues the identifier above it
      if (last_id < party.other_ids.size()) {
        party.other_ids[last_id] += value;
      } else {
        party.other_ids.emplace_back(value);
      }
  }
}

// Option F: a party identifier ("/account", "CUST/...", "NIDN/...") then
// numbered lines.
void ReadStructured(const std::vector<string_view>& lines, Party& party) {
  size_t i = 0;
  if (!lines.empty() && !IsNumberedLine(lines[0])) {
    if (lines[0].starts_with('/')) {
      ReadIdentifier(lines[0], party);
    } else {
      party.other_ids.emplace_back(lines[0]);
    }
    i = 1;
  }
  size_t last_id = string_view::npos;
  for (; i < lines.size(); ++i) {
    if (IsNumberedLine(lines[i])) {
      ReadNumberedLine(lines[i][0], Trim(lines[i].substr(2)), party, last_id);
    } else {
      party.lines.emplace_back(lines[i]);
    }
  }
}

// Options A, B, C, D, K and none: an optional identifier line, then a BIC
// (A, C) or lines of name and address (D, K, none) or location (B).
void ReadUnstructured(char option, const std::vector<string_view>& lines, Party& party) {
  size_t i = 0;
  if (!lines.empty() && lines[0].starts_with('/')) ReadIdentifier(lines[i++], party);
  bool bic_option = option == 'A' || option == 'C' || option == 'G';
  if (bic_option && i < lines.size() && IsBic(lines[i])) {
    party.bic = AsciiUppercase(lines[i++]);
  }
  for (; i < lines.size(); ++i) party.lines.emplace_back(lines[i]);
  if (option == 'L') {
    party.other_ids = std::move(party.lines);
    party.lines.clear();
    return;
  }
  if (party.lines.empty()) return;
  size_t address_from = option == 'B' ? 0 : 1;
  if (option != 'B') party.name = party.lines.front();
  party.address.lines.assign(party.lines.begin() + address_from, party.lines.end());
}

Party ReadParty(Role role, std::string path, char option, const Field& field) {
  Party party;
  party.role = role.name;
  party.agent = role.agent;
  party.path = std::move(path);
  std::vector<string_view> lines;
  for (const TextLine& line : field.lines) {
    string_view text = Trim(line.text);
    if (!text.empty()) lines.push_back(text);
  }
  if (option == 'F') {
    ReadStructured(lines, party);
  } else {
    ReadUnstructured(option, lines, party);
  }
  return party;
}

Party HeaderParty(const char* role, const char* path, string_view address) {
  Party party;
  party.role = role;
  party.agent = true;
  party.path = path;
  party.bic = LtBic(address);
  if (party.bic.empty()) party.lines.emplace_back(address);
  return party;
}

bool NeedsReferenceAndAmount(const std::string& type) {
  return type == "MT103" || type.starts_with("MT202") || type.starts_with("MT205");
}

// Reads the messages of one file in order; see ParseSwiftMt.
class MtReader {
 public:
  MtReader(string_view text, const std::string& file) : text_(text), file_(file), index_(text) {}

  std::vector<ParsedMessage> Run() {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    while (true) {
      while (pos_ < text_.size() && (IsBlank(text_[pos_]) || text_[pos_] == '$')) ++pos_;
      if (pos_ >= text_.size()) break;
      if (BlockIdAt(text_, pos_) == "1") {
        ReadMessage();
        continue;
      }
      // A lone '{' after a message's last block and before the separator (an
      // empty, unclosed trailer, as prowide's out-ack sample ends one
      // message) holds nothing to screen.
      if (text_[pos_] == '{' && LoneBraceAt(pos_)) {
        ++pos_;
        continue;
      }
      size_t end = std::min(text_.find('\n', pos_), text_.size());
      Report(ErrorAt(pos_, fmt::format("unexpected text between messages: '{}'",
                                       Snippet(Trim(text_.substr(pos_, end - pos_))))));
      SkipToNextMessage(pos_ + 1);
    }
    return std::move(out_);
  }

 private:
  bool LoneBraceAt(size_t brace) const {
    size_t next = brace + 1;
    while (next < text_.size() && IsBlank(text_[next])) ++next;
    return next >= text_.size() || text_[next] == '$';
  }

  Error ErrorAt(size_t offset, std::string message) const {
    return Error{file_, index_.LineOf(offset), index_.ColumnOf(offset), std::move(message)};
  }
  size_t OffsetOf(string_view piece) const {
    std::less<const char*> less;
    if (less(piece.data(), text_.data()) || less(text_.data() + text_.size(), piece.data())) {
      return text_.size();
    }
    return static_cast<size_t>(piece.data() - text_.data());
  }
  void Report(Error error) { out_.push_back(ParsedMessage{std::nullopt, std::move(error)}); }
  void SkipToNextMessage(size_t from) {
    size_t next = from < text_.size() ? text_.find("{1:", from) : string_view::npos;
    pos_ = next == string_view::npos ? text_.size() : next;
  }
  void SkipBlanks() {
    while (pos_ < text_.size() && IsBlank(text_[pos_])) ++pos_;
  }

  void ReadMessage();
  Result<Envelope> ReadEnvelope();
  Result<string_view> ReadBraceBlock(string_view id);
  Status ReadTextBlock(Envelope& envelope);
  Status ReadTrailers();
  Result<Message> Interpret(const Envelope& envelope, size_t start, const std::string& label);
  Status ReadHeaders(const Envelope& envelope, Message& message);
  Result<std::vector<Field>> SplitFields(const std::vector<TextLine>& text) const;
  Status ReadFields(const std::vector<Field>& fields, Message& message) const;

  string_view text_;
  const std::string& file_;
  LineIndex index_;
  size_t pos_ = 0;
  int count_ = 0;  // messages begun, acknowledgements not counted
  std::vector<ParsedMessage> out_;
};

void MtReader::ReadMessage() {
  size_t start = pos_;
  bool acknowledgement = Slice(text_, start + 4, 2) == "21";
  std::string label = acknowledgement ? "acknowledgement" : fmt::format("message {}", count_ + 1);
  if (!acknowledgement) ++count_;
  Result<Envelope> envelope = ReadEnvelope();
  if (!envelope.ok()) {
    Error error = envelope.error();
    error.message = label + ": " + error.message;
    Report(std::move(error));
    SkipToNextMessage(std::max(pos_, start + 1));
    return;
  }
  if (acknowledgement) return;
  size_t bad = FindInvalidUtf8(text_.substr(start, pos_ - start));
  if (bad != string_view::npos) {
    Report(ErrorAt(start + bad, fmt::format("{}: invalid UTF-8 byte 0x{:02X}", label,
                                            static_cast<unsigned char>(text_[start + bad]))));
    return;
  }
  Result<Message> message = Interpret(*envelope, start, label);
  if (message.ok()) {
    out_.push_back(ParsedMessage{std::move(*message), std::nullopt});
  } else {
    Report(message.error());
  }
}

// Blocks {1:} to {4:} and the trailers; pos_ ends after the last one.
Result<Envelope> MtReader::ReadEnvelope() {
  Envelope envelope;
  size_t start = pos_;
  Result<string_view> basic = ReadBraceBlock("1");
  if (!basic.ok()) return basic.error();
  envelope.basic = *basic;
  while (true) {
    SkipBlanks();
    string_view id = BlockIdAt(text_, pos_);
    if (id.empty() || id == "1") return ErrorAt(start, "no text block {4:}");
    if (id == "4") break;
    std::optional<string_view>* slot = id == "2"   ? &envelope.application
                                       : id == "3" ? &envelope.user
                                                   : nullptr;
    if (slot == nullptr || slot->has_value()) {
      return ErrorAt(pos_,
                     fmt::format("unexpected block {{{}:}} before the text block", Snippet(id)));
    }
    Result<string_view> block = ReadBraceBlock(id);
    if (!block.ok()) return block.error();
    *slot = *block;
  }
  if (Slice(text_, pos_ + 3, 1) == "{") {  // an acknowledgement's {4:{177:...}{451:0}}
    Result<string_view> block = ReadBraceBlock("4");
    if (!block.ok()) return block.error();
  } else {
    envelope.text_block = true;
    EMBARGO_RETURN_IF_ERROR(ReadTextBlock(envelope));
  }
  EMBARGO_RETURN_IF_ERROR(ReadTrailers());
  return envelope;
}

// A block "{id:...}" on one line, sub-blocks nested; its content.
Result<string_view> MtReader::ReadBraceBlock(string_view id) {
  size_t open = pos_, content = pos_ + id.size() + 2;
  int depth = 0;
  for (size_t i = open; i < text_.size() && text_[i] != '\n'; ++i) {
    if (text_[i] == '{') ++depth;
    if (text_[i] == '}' && --depth == 0) {
      pos_ = i + 1;
      return text_.substr(content, i - content);
    }
  }
  pos_ = std::min(text_.find('\n', open), text_.size());
  return ErrorAt(open, fmt::format("block {{{}:}} is not closed by '}}'", id));
}

// The lines from "{4:" to the line that starts with "-}". A line that
// starts another message ("{1:", "$") or the end of the input first means
// the block is not closed.
Status MtReader::ReadTextBlock(Envelope& envelope) {
  size_t open = pos_, line_start = pos_ + 3;
  for (bool first = true;; first = false) {
    if (line_start >= text_.size()) break;
    size_t end = std::min(text_.find('\n', line_start), text_.size());
    string_view line = text_.substr(line_start, end - line_start);
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.starts_with("-}")) {
      pos_ = line_start + 2;
      return Status::Ok();
    }
    if (!first && (line.starts_with("{1:") || line.starts_with('$'))) break;
    if (!first || !Trim(line).empty()) envelope.text.push_back({line, index_.LineOf(line_start)});
    line_start = end + 1;
  }
  pos_ = std::min(line_start, text_.size());
  return ErrorAt(open, "block 4 is not closed by '-}'");
}

// {5:...}, {S:...} and any other block after the text block.
Status MtReader::ReadTrailers() {
  while (true) {
    size_t before = pos_;
    SkipBlanks();
    string_view id = BlockIdAt(text_, pos_);
    if (id.empty() || id == "1") {
      pos_ = before;
      return Status::Ok();
    }
    Result<string_view> block = ReadBraceBlock(id);
    if (!block.ok()) return block.error();
  }
}

Result<Message> MtReader::Interpret(const Envelope& envelope, size_t start,
                                    const std::string& label) {
  Message message;
  message.syntax = Syntax::kSwiftMt;
  message.file = file_;
  message.line = index_.LineOf(start);
  Status status = ReadHeaders(envelope, message);
  if (status.ok() && !envelope.text_block) {
    status = ErrorAt(start, "block 4 holds no fields ('{4:' and a line break, then fields)");
  }
  Result<std::vector<Field>> fields = std::vector<Field>();
  if (status.ok()) fields = SplitFields(envelope.text);
  if (status.ok() && !fields.ok()) status = fields.error();
  if (status.ok()) status = ReadFields(*fields, message);
  if (status.ok()) return message;
  Error error = status.error();
  error.message = label + ": " + error.message;
  return error;
}

// Blocks 1 to 3: the type, the sender and receiver, the UETR.
Status MtReader::ReadHeaders(const Envelope& envelope, Message& message) {
  string_view basic = envelope.basic;
  if (basic.size() < 15 || (basic[0] != 'F' && basic[0] != 'A' && basic[0] != 'L') ||
      !AllDigits(basic.substr(1, 2))) {
    return ErrorAt(OffsetOf(basic), fmt::format("block 1 '{}' is not an application id, service id "
                                                "and LT address (F01BANKBEBBAXXX...)",
                                                Snippet(basic)));
  }
  if (!envelope.application) return ErrorAt(OffsetOf(basic), "no application header block {2:}");
  string_view application = *envelope.application;
  bool input = application.starts_with('I') && application.size() >= 16 &&
               AllDigits(application.substr(1, 3));
  bool output = application.starts_with('O') && application.size() >= 26 &&
                AllDigits(application.substr(1, 13));
  if (!input && !output) {
    return ErrorAt(OffsetOf(application),
                   fmt::format("block 2 '{}' is neither an input header (I103 + receiver) nor an "
                               "output header (O103 + time + MIR)",
                               Snippet(application)));
  }
  message.type = fmt::format("MT{}", application.substr(1, 3));
  string_view own = basic.substr(3, 12), other = application.substr(input ? 4 : 14, 12);
  message.parties.push_back(
      HeaderParty("instructing_agent", input ? "{1:}" : "{2:}", input ? own : other));
  message.parties.push_back(
      HeaderParty("instructed_agent", input ? "{2:}" : "{1:}", input ? other : own));
  for (auto [tag, value] : SubBlocks(envelope.user.value_or(string_view()))) {
    if (tag == "121") message.uetr = std::string(Trim(value));
    if (tag == "119" && Trim(value) == "COV" &&
        (message.type == "MT202" || message.type == "MT205")) {
      message.type += "COV";
    }
  }
  return Status::Ok();
}

Result<std::vector<Field>> MtReader::SplitFields(const std::vector<TextLine>& text) const {
  std::vector<Field> fields;
  for (const TextLine& line : text) {
    if (std::optional<string_view> tag = FieldTag(line.text)) {
      fields.push_back(Field{*tag, {{line.text.substr(tag->size() + 2), line.line}}, line.line});
    } else if (!fields.empty()) {
      fields.back().lines.push_back(line);
    } else if (!Trim(line.text).empty()) {
      return ErrorAt(
          OffsetOf(line.text),
          fmt::format("text before the first field of block 4: '{}'", Snippet(Trim(line.text))));
    }
  }
  return fields;
}

// Block 4: the reference, amount and date, parties and free text. In an
// MT 2xx the first 50a opens sequence B, the underlying customer transfer
// of a cover payment, whose fields are given paths ":B:50K:".
Status MtReader::ReadFields(const std::vector<Field>& fields, Message& message) const {
  bool institution_transfer = message.type.starts_with("MT2"), sequence_b = false;
  // A type whose fields embargo does not know (MT940, MT199, MT999...): a
  // field that names no party is screened as free text, not dropped (MT940's
  // :86: RI WON HO PYONGYANG passed unscreened: a new user's trial).
  const bool modelled = NeedsReferenceAndAmount(message.type);
  bool has_reference = false, has_amount = false;
  for (const Field& field : fields) {
    string_view number = field.tag.substr(0, 2);
    char option = field.tag.size() == 3 ? field.tag[2] : '\0';
    if (institution_transfer && number == "50") sequence_b = true;
    std::string path = fmt::format("{}{}:", sequence_b ? ":B:" : ":", field.tag);
    string_view first = field.lines.front().text;
    if (field.tag == "20" && !has_reference) {
      message.id = std::string(Trim(first));
      has_reference = true;
    } else if (field.tag == "32A" && !has_amount) {
      std::optional<ValueDateAmount> value = ReadValueDateAmount(first);
      if (!value) {
        return ErrorAt(OffsetOf(first),
                       fmt::format("field :32A: '{}' is not a value date, currency "
                                   "and amount (YYMMDD, 3 letters, 1234,56)",
                                   Snippet(Trim(first))));
      }
      message.date = value->date;
      message.currency = value->currency;
      message.amount = value->amount;
      has_amount = true;
    } else if (std::optional<Role> role =
                   IsFreeText(field.tag)
                       ? std::nullopt
                       : RoleOf(number, option, institution_transfer && !sequence_b)) {
      message.parties.push_back(ReadParty(*role, path, option, field));
    } else if (IsFreeText(field.tag) || !modelled) {
      std::vector<string_view> lines;
      for (const TextLine& line : field.lines) lines.push_back(line.text);
      message.free_text.push_back(FreeText{path, Join(lines, "\n")});
    }
  }
  if (NeedsReferenceAndAmount(message.type) && (!has_reference || !has_amount)) {
    std::string missing = !has_reference && !has_amount ? "fields :20: and :32A:"
                          : !has_reference              ? "field :20:"
                                                        : "field :32A:";
    return MakeError(file_, message.line, fmt::format("{} has no {}", message.type, missing));
  }
  return Status::Ok();
}

}  // namespace

std::vector<ParsedMessage> ParseSwiftMt(std::string_view bytes, const std::string& file) {
  return MtReader(bytes, file).Run();
}

}  // namespace embargo::payments
