#include "payments/iso20022.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <optional>
#include <pugixml.hpp>

#include "common/strings.h"
#include "payments/codes.h"
#include "sources/xml_text.h"

namespace embargo::payments {
namespace {

enum class Kind { kPacs008, kPacs009, kPain001 };

struct KnownMessage {
  std::string_view name;     // message name without version: "pacs.008"
  std::string_view element;  // the element under Document
  Kind kind;
};

constexpr KnownMessage kKnownMessages[] = {
    {"pacs.008", "FIToFICstmrCdtTrf", Kind::kPacs008},
    {"pacs.009", "FICdtTrf", Kind::kPacs009},
    {"pain.001", "CstmrCdtTrfInitn", Kind::kPain001},
};

// The parties and agents a group header, payment information block,
// transaction or underlying customer transfer names, with the element that
// holds the account of each (empty when it has none).
struct PartyRole {
  std::string_view element;
  std::string_view role;
  bool agent;
  std::string_view account;
};

constexpr PartyRole kPartyRoles[] = {
    {"InitgPty", "initiating_party", false, ""},
    {"FwdgAgt", "forwarding_agent", true, ""},
    {"InstgRmbrsmntAgt", "senders_correspondent", true, "InstgRmbrsmntAgtAcct"},
    {"InstdRmbrsmntAgt", "receivers_correspondent", true, "InstdRmbrsmntAgtAcct"},
    {"ThrdRmbrsmntAgt", "third_reimbursement", true, "ThrdRmbrsmntAgtAcct"},
    {"PrvsInstgAgt1", "previous_instructing_agent1", true, "PrvsInstgAgt1Acct"},
    {"PrvsInstgAgt2", "previous_instructing_agent2", true, "PrvsInstgAgt2Acct"},
    {"PrvsInstgAgt3", "previous_instructing_agent3", true, "PrvsInstgAgt3Acct"},
    {"InstgAgt", "instructing_agent", true, ""},
    {"InstdAgt", "instructed_agent", true, ""},
    {"IntrmyAgt1", "intermediary_agent1", true, "IntrmyAgt1Acct"},
    {"IntrmyAgt2", "intermediary_agent2", true, "IntrmyAgt2Acct"},
    {"IntrmyAgt3", "intermediary_agent3", true, "IntrmyAgt3Acct"},
    {"UltmtDbtr", "ultimate_debtor", false, ""},
    {"Dbtr", "debtor", false, "DbtrAcct"},
    {"DbtrAgt", "debtor_agent", true, "DbtrAgtAcct"},
    {"ChrgsAcctAgt", "charges_account_agent", true, "ChrgsAcct"},
    {"CdtrAgt", "creditor_agent", true, "CdtrAgtAcct"},
    {"Cdtr", "creditor", false, "CdtrAcct"},
    {"UltmtCdtr", "ultimate_creditor", false, ""},
};

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local) return child;
  }
  return {};
}

// The element at `path` below `node` (first match at each step), or null.
pugi::xml_node Descend(pugi::xml_node node, std::initializer_list<std::string_view> path) {
  for (std::string_view step : path) node = Child(node, step);
  return node;
}

// The trimmed text directly inside `node` ("" for a null node).
std::string Text(const pugi::xml_node& node) {
  std::string text;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      text += child.value();
    }
  }
  return std::string(Trim(text));
}

std::string TextAt(const pugi::xml_node& node, std::initializer_list<std::string_view> path) {
  return Text(Descend(node, path));
}

// The namespace URI of `node`'s name, from the xmlns declarations in scope.
std::string NamespaceOf(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  std::string attribute =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  for (pugi::xml_node at = node; at; at = at.parent()) {
    if (pugi::xml_attribute declared = at.attribute(attribute.c_str())) {
      return std::string(Trim(declared.value()));
    }
  }
  return "";
}

bool IsDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The first "pacs.ddd.ddd.dd" or "pain.ddd.ddd.dd" in `ns`, or "".
std::string MessageNameIn(std::string_view ns) {
  constexpr size_t kLength = 15;  // pacs.008.001.08
  for (size_t i = 0; i + kLength <= ns.size(); ++i) {
    std::string_view at = ns.substr(i, kLength);
    if (at.substr(0, 5) != "pacs." && at.substr(0, 5) != "pain.") continue;
    if (IsDigits(at.substr(5, 3)) && at[8] == '.' && IsDigits(at.substr(9, 3)) && at[12] == '.' &&
        IsDigits(at.substr(13, 2))) {
      return std::string(at);
    }
  }
  return "";
}

const KnownMessage* KnownByName(std::string_view type) {
  for (const KnownMessage& known : kKnownMessages) {
    if (type.substr(0, known.name.size()) == known.name) return &known;
  }
  return nullptr;
}

const KnownMessage* KnownByElement(std::string_view element) {
  for (const KnownMessage& known : kKnownMessages) {
    if (element == known.element) return &known;
  }
  return nullptr;
}

struct Recognised {
  Kind kind;
  std::string type;        // "pacs.008.001.08", or "pacs.008" when no namespace names it
  pugi::xml_node message;  // FIToFICstmrCdtTrf, FICdtTrf or CstmrCdtTrfInitn
};

// The Document element (the root, or anywhere under an envelope) and the
// message element in it; without a Document, a known message element.
std::pair<pugi::xml_node, pugi::xml_node> FindMessage(const pugi::xml_node& root) {
  auto is_document = [](pugi::xml_node node) {
    return node.type() == pugi::node_element && LocalName(node) == "Document";
  };
  auto is_element = [](pugi::xml_node node) { return node.type() == pugi::node_element; };
  auto is_message = [](pugi::xml_node node) {
    return node.type() == pugi::node_element && KnownByElement(LocalName(node)) != nullptr;
  };
  pugi::xml_node document = is_document(root) ? root : root.find_node(is_document);
  if (document) return {document, document.find_child(is_element)};
  return {{}, is_message(root) ? root : root.find_node(is_message)};
}

Result<Recognised> Recognise(const pugi::xml_document& doc, std::string_view bytes,
                             const std::string& file) {
  pugi::xml_node root = doc.document_element();
  auto [document, message] = FindMessage(root);
  pugi::xml_node named = document ? document : (message ? message : root);
  std::string ns = NamespaceOf(named);
  std::string type = MessageNameIn(ns);
  const KnownMessage* known = type.empty() ? KnownByElement(LocalName(message)) : KnownByName(type);
  int line = XmlLine(bytes, named);
  if (known == nullptr) {
    std::string what = ns;
    if (what.empty()) what = LocalName(message ? message : named);
    return MakeError(file, line, "not a payment message this reader knows: " + what);
  }
  if (!message) return MakeError(file, line, fmt::format("the {} Document is empty", type));
  if (LocalName(message) != known->element) {
    return MakeError(file, line,
                     fmt::format("the {} Document holds <{}>, not <{}>", type, LocalName(message),
                                 known->element));
  }
  if (type.empty()) type = known->name;
  return Recognised{known->kind, std::move(type), message};
}

PostalAddress ReadAddress(const pugi::xml_node& address) {
  PostalAddress out;
  for (pugi::xml_node child : address.children()) {
    if (LocalName(child) != "AdrLine") continue;
    if (std::string line = Text(child); !line.empty()) out.lines.push_back(std::move(line));
  }
  out.street = TextAt(address, {"StrtNm"});
  out.building = TextAt(address, {"BldgNb"});
  out.post_code = TextAt(address, {"PstCd"});
  out.town = TextAt(address, {"TwnNm"});
  out.subdivision = TextAt(address, {"CtrySubDvsn"});
  out.country = AsciiUppercase(TextAt(address, {"Ctry"}));
  return out;
}

// Id/IBAN or Id/Othr/Id of a cash account.
void ReadAccount(const pugi::xml_node& account, Party& party) {
  std::string id = TextAt(account, {"Id", "IBAN"});
  if (id.empty()) id = TextAt(account, {"Id", "Othr", "Id"});
  party.account = NormalizeAccount(id);
  party.iban_country = IbanCountry(party.account);
}

// Each Othr/Id of an organisation, a person or an institution.
void AppendOtherIds(const pugi::xml_node& node, std::vector<std::string>& out) {
  for (pugi::xml_node other : node.children()) {
    if (LocalName(other) != "Othr") continue;
    if (std::string id = TextAt(other, {"Id"}); !id.empty()) out.push_back(std::move(id));
  }
}

// FinInstnId: BICFI (BIC up to .001.02/.03), clearing system member, LEI,
// name, address, other ids.
void ReadInstitution(const pugi::xml_node& institution, Party& party) {
  std::string bic = TextAt(institution, {"BICFI"});
  party.bic = AsciiUppercase(bic.empty() ? TextAt(institution, {"BIC"}) : bic);
  pugi::xml_node member = Child(institution, "ClrSysMmbId");
  std::string code = TextAt(member, {"ClrSysId", "Cd"});
  if (code.empty()) code = TextAt(member, {"ClrSysId", "Prtry"});
  std::string member_id = TextAt(member, {"MmbId"});
  if (!member_id.empty()) party.clearing_id = code.empty() ? member_id : code + "/" + member_id;
  party.lei = TextAt(institution, {"LEI"});
  party.name = TextAt(institution, {"Nm"});
  party.address = ReadAddress(Child(institution, "PstlAdr"));
  AppendOtherIds(institution, party.other_ids);
}

// A party identified as an organisation or a private person.
void ReadPerson(const pugi::xml_node& node, Party& party) {
  party.name = TextAt(node, {"Nm"});
  party.address = ReadAddress(Child(node, "PstlAdr"));
  pugi::xml_node organisation = Descend(node, {"Id", "OrgId"});
  std::string bic = TextAt(organisation, {"AnyBIC"});
  party.bic = AsciiUppercase(bic.empty() ? TextAt(organisation, {"BICOrBEI"}) : bic);
  party.lei = TextAt(organisation, {"LEI"});
  AppendOtherIds(organisation, party.other_ids);
  pugi::xml_node person = Descend(node, {"Id", "PrvtId"});
  pugi::xml_node birth = Child(person, "DtAndPlcOfBirth");
  party.birth_date = TextAt(birth, {"BirthDt"});
  party.birth_place = TextAt(birth, {"CityOfBirth"});
  party.birth_country = AsciiUppercase(TextAt(birth, {"CtryOfBirth"}));
  AppendOtherIds(person, party.other_ids);
  party.country_of_residence = AsciiUppercase(TextAt(node, {"CtryOfRes"}));
}

Party ReadParty(const pugi::xml_node& node, std::string_view role, bool agent, std::string path) {
  Party party;
  party.role = role;
  party.path = std::move(path);
  pugi::xml_node institution = Child(node, "FinInstnId");
  party.agent = agent || !institution.empty();
  if (party.agent) {
    ReadInstitution(institution ? institution : node, party);
  } else {
    ReadPerson(node, party);
  }
  return party;
}

const PartyRole* RoleOf(std::string_view element) {
  for (const PartyRole& role : kPartyRoles) {
    if (role.element == element) return &role;
  }
  return nullptr;
}

// Where parties and free text are read: `prefix` starts their paths; in a
// pacs.009 transaction (not its underlying customer transfer) the debtor,
// creditor and ultimate parties are financial institutions. An inner scope
// (SttlmInf, UndrlygCstmrCdtTrf) is not entered again, so nesting cannot
// recurse deeper than the schemas do. A shared scope (group header,
// payment information block) is copied into every transaction: there only
// the first element of each kind is read, as the schemas allow one, so that
// a damaged file cannot make each of its transactions carry thousands.
struct Scope {
  std::string prefix;
  bool institutions = false;
  bool inner = false;
  bool shared = false;

  Scope Inner(std::string_view element) const {
    return {prefix + std::string(element) + "/", false, true, shared};
  }
};

// The element names a shared scope has read already.
class FirstOnly {
 public:
  explicit FirstOnly(const Scope& scope) : shared_(scope.shared) {}
  bool Take(std::string_view name) {
    if (!shared_) return true;
    for (std::string_view seen : seen_) {
      if (seen == name) return false;
    }
    seen_.push_back(name);
    return true;
  }

 private:
  bool shared_;
  std::vector<std::string_view> seen_;
};

void AddChargesAgents(const pugi::xml_node& container, const Scope& scope,
                      std::vector<Party>& out) {
  int index = 0;
  for (pugi::xml_node charges : container.children()) {
    if (LocalName(charges) != "ChrgsInf") continue;
    ++index;
    if (pugi::xml_node agent = Child(charges, "Agt")) {
      out.push_back(ReadParty(agent, "charges_agent", true,
                              fmt::format("{}ChrgsInf[{}]/Agt", scope.prefix, index)));
    }
  }
}

void AddParty(const pugi::xml_node& container, const pugi::xml_node& element, const PartyRole& role,
              const Scope& scope, std::vector<Party>& out) {
  Party party = ReadParty(element, role.role, role.agent || scope.institutions,
                          scope.prefix + std::string(role.element));
  if (!role.account.empty()) {
    if (pugi::xml_node account = Child(container, role.account)) ReadAccount(account, party);
  }
  out.push_back(std::move(party));
}

void AddParties(const pugi::xml_node& container, const Scope& scope, std::vector<Party>& out) {
  FirstOnly first(scope);
  for (pugi::xml_node child : container.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view name = LocalName(child);
    const PartyRole* role = RoleOf(name);
    bool nested = !scope.inner && (name == "SttlmInf" || name == "UndrlygCstmrCdtTrf");
    if (role == nullptr && !nested && name != "ChrgsInf") continue;
    if (!first.Take(name)) continue;
    if (role != nullptr) {
      AddParty(container, child, *role, scope, out);
    } else if (nested) {
      AddParties(child, scope.Inner(name), out);
    } else {
      AddChargesAgents(container, scope, out);  // all of them, at the first
    }
  }
}

void AddText(std::string path, std::string text, std::vector<FreeText>& out) {
  if (!text.empty()) out.push_back({std::move(path), std::move(text)});
}

void AddTextsAt(const pugi::xml_node& node, std::initializer_list<std::string_view> path,
                const std::string& where, std::vector<FreeText>& out) {
  AddText(where, TextAt(node, path), out);
}

// RmtInf/Strd: references, names and additional remittance information.
void AddStructuredRemittance(const pugi::xml_node& structured, const std::string& prefix,
                             std::vector<FreeText>& out) {
  for (pugi::xml_node child : structured.children()) {
    std::string_view name = LocalName(child);
    std::string path = prefix + std::string(name);
    if (name == "CdtrRefInf") {
      AddTextsAt(child, {"Ref"}, path + "/Ref", out);
    } else if (name == "Invcr" || name == "Invcee") {
      AddTextsAt(child, {"Nm"}, path + "/Nm", out);
    } else if (name == "GrnshmtRmt") {
      AddTextsAt(child, {"Grnshee", "Nm"}, path + "/Grnshee/Nm", out);
      AddTextsAt(child, {"GrnshmtAdmstr", "Nm"}, path + "/GrnshmtAdmstr/Nm", out);
    } else if (name == "AddtlRmtInf") {
      AddText(path, Text(child), out);
    }
  }
}

void AddRemittance(const pugi::xml_node& remittance, const std::string& prefix,
                   std::vector<FreeText>& out) {
  for (pugi::xml_node child : remittance.children()) {
    std::string_view name = LocalName(child);
    if (name == "Ustrd") {
      AddText(prefix + "RmtInf/Ustrd", Text(child), out);
    } else if (name == "Strd") {
      AddStructuredRemittance(child, prefix + "RmtInf/Strd/", out);
    }
  }
}

void AddRegulatoryReporting(const pugi::xml_node& reporting, const std::string& path,
                            std::vector<FreeText>& out) {
  AddTextsAt(reporting, {"Authrty", "Nm"}, path, out);
  for (pugi::xml_node details : reporting.children()) {
    if (LocalName(details) != "Dtls") continue;
    AddTextsAt(details, {"Cd"}, path, out);
    for (pugi::xml_node information : details.children()) {
      if (LocalName(information) == "Inf") AddText(path, Text(information), out);
    }
  }
}

// The names where related remittance information is to be sent
// (RmtLctnDtls from .001.08, RmtLctnPstlAdr before).
void AddRelatedRemittance(const pugi::xml_node& related, const std::string& path,
                          std::vector<FreeText>& out) {
  for (pugi::xml_node child : related.children()) {
    std::string_view name = LocalName(child);
    if (name == "RmtLctnDtls") {
      AddTextsAt(child, {"PstlAdr", "Nm"}, path + "/RmtLctnDtls/PstlAdr/Nm", out);
    } else if (name == "RmtLctnPstlAdr") {
      AddTextsAt(child, {"Nm"}, path + "/RmtLctnPstlAdr/Nm", out);
    }
  }
}

// pain.001 cheque instructions: who the cheque is from and delivered to, and its memo.
void AddCheque(const pugi::xml_node& cheque, const std::string& path, std::vector<FreeText>& out) {
  AddTextsAt(cheque, {"ChqFr", "Nm"}, path + "/ChqFr/Nm", out);
  AddTextsAt(cheque, {"DlvrTo", "Nm"}, path + "/DlvrTo/Nm", out);
  for (pugi::xml_node child : cheque.children()) {
    if (LocalName(child) == "MemoFld") AddText(path + "/MemoFld", Text(child), out);
  }
}

void AddFreeText(const pugi::xml_node& container, const Scope& scope, std::vector<FreeText>& out) {
  FirstOnly first(scope);
  for (pugi::xml_node child : container.children()) {
    std::string_view name = LocalName(child);
    if (child.type() != pugi::node_element || !first.Take(name)) continue;
    std::string path = scope.prefix + std::string(name);
    if (name == "RmtInf") {
      AddRemittance(child, scope.prefix, out);
    } else if (name == "Purp") {
      std::string code = TextAt(child, {"Cd"});
      AddText(path, code.empty() ? TextAt(child, {"Prtry"}) : code, out);
    } else if (name == "RgltryRptg") {
      AddRegulatoryReporting(child, path, out);
    } else if (name == "InstrForCdtrAgt" || name == "InstrForNxtAgt") {
      AddTextsAt(child, {"InstrInf"}, path, out);
    } else if (name == "InstrForDbtrAgt") {
      AddText(path, Text(child), out);
    } else if (name == "RltdRmtInf") {
      AddRelatedRemittance(child, path, out);
    } else if (name == "ChqInstr") {
      AddCheque(child, path, out);
    } else if (name == "UndrlygCstmrCdtTrf" && !scope.inner) {
      AddFreeText(child, scope.Inner(name), out);
    }
  }
}

// pain.001's requested execution date: a date, or (from .001.08) Dt or DtTm.
std::string ExecutionDate(const pugi::xml_node& date) {
  if (pugi::xml_node day = Child(date, "Dt")) return Text(day);
  if (pugi::xml_node time = Child(date, "DtTm")) return Text(time).substr(0, 10);
  return Text(date);
}

// Lines of nodes asked for in document order, each counted from the one
// before (XmlLine counts from the start: quadratic over a large batch).
class LineCounter {
 public:
  explicit LineCounter(std::string_view bytes) : bytes_(bytes) {}

  int LineOf(const pugi::xml_node& node) {
    ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return 0;
    size_t end = std::min(static_cast<size_t>(offset), bytes_.size());
    if (end < counted_) return XmlLine(bytes_, node);
    line_ += static_cast<int>(std::count(bytes_.begin() + counted_, bytes_.begin() + end, '\n'));
    counted_ = end;
    return line_;
  }

 private:
  std::string_view bytes_;
  size_t counted_ = 0;
  int line_ = 1;
};

// What every transaction of a group (and, for pain.001, of a payment
// information block) shares.
struct Shared {
  const Recognised* recognised;
  LineCounter* lines;
  const std::string* file;
  std::string message_id;
  std::string date;
  std::vector<Party> parties = {};
  std::vector<FreeText> free_text = {};
};

Message ReadTransaction(const pugi::xml_node& tx, const Shared& shared, const Scope& scope) {
  Message message;
  message.type = shared.recognised->type;
  message.file = *shared.file;
  message.line = shared.lines->LineOf(tx);
  std::string end_to_end = TextAt(tx, {"PmtId", "EndToEndId"});
  message.id = shared.message_id + "/" +
               (end_to_end.empty() ? TextAt(tx, {"PmtId", "InstrId"}) : end_to_end);
  message.uetr = TextAt(tx, {"PmtId", "UETR"});
  pugi::xml_node amount = Child(tx, "IntrBkSttlmAmt");
  if (shared.recognised->kind == Kind::kPain001) {
    amount = Descend(tx, {"Amt", "InstdAmt"});
    if (!amount) amount = Descend(tx, {"Amt", "EqvtAmt", "Amt"});
  }
  message.amount = Text(amount);
  message.currency = std::string(Trim(amount.attribute("Ccy").value()));
  message.date = TextAt(tx, {"IntrBkSttlmDt"});
  if (message.date.empty()) message.date = shared.date;
  message.parties = shared.parties;
  AddParties(tx, scope, message.parties);
  message.free_text = shared.free_text;
  AddFreeText(tx, scope, message.free_text);
  return message;
}

Shared GroupShared(const Recognised& recognised, LineCounter& lines, const std::string& file) {
  pugi::xml_node header = Child(recognised.message, "GrpHdr");
  Shared shared{.recognised = &recognised,
                .lines = &lines,
                .file = &file,
                .message_id = TextAt(header, {"MsgId"}),
                .date = TextAt(header, {"IntrBkSttlmDt"})};
  AddParties(header, {.prefix = "GrpHdr/", .shared = true}, shared.parties);
  return shared;
}

// pacs.008 / pacs.009: the transactions sit under the message element.
void ReadInterbank(const Recognised& recognised, const Shared& shared,
                   std::vector<ParsedMessage>& out) {
  bool institutions = recognised.kind == Kind::kPacs009;
  int index = 0;
  for (pugi::xml_node tx : recognised.message.children()) {
    if (LocalName(tx) != "CdtTrfTxInf") continue;
    Scope scope{.prefix = fmt::format("CdtTrfTxInf[{}]/", ++index), .institutions = institutions};
    out.push_back({ReadTransaction(tx, shared, scope), std::nullopt});
  }
}

// pain.001: transactions sit in payment information blocks, which give
// their debtor side and execution date.
void ReadInitiation(const Recognised& recognised, const Shared& group,
                    std::vector<ParsedMessage>& out) {
  int block_index = 0;
  for (pugi::xml_node block : recognised.message.children()) {
    if (LocalName(block) != "PmtInf") continue;
    std::string prefix = fmt::format("PmtInf[{}]/", ++block_index);
    Shared shared = group;
    shared.date = ExecutionDate(Child(block, "ReqdExctnDt"));
    AddParties(block, {.prefix = prefix, .shared = true}, shared.parties);
    AddFreeText(block, {.prefix = prefix, .shared = true}, shared.free_text);
    int index = 0;
    for (pugi::xml_node tx : block.children()) {
      if (LocalName(tx) != "CdtTrfTxInf") continue;
      Scope scope{.prefix = fmt::format("{}CdtTrfTxInf[{}]/", prefix, ++index)};
      out.push_back({ReadTransaction(tx, shared, scope), std::nullopt});
    }
  }
}

std::vector<ParsedMessage> OneError(Error error) { return {{std::nullopt, std::move(error)}}; }

}  // namespace

std::vector<ParsedMessage> ParseIso20022(std::string_view bytes, const std::string& file) {
  pugi::xml_document doc;
  if (Status loaded = LoadXmlList(doc, bytes, file); !loaded.ok()) return OneError(loaded.error());
  Result<Recognised> recognised = Recognise(doc, bytes, file);
  if (!recognised.ok()) return OneError(recognised.error());
  LineCounter lines(bytes);
  Shared group = GroupShared(*recognised, lines, file);
  std::vector<ParsedMessage> out;
  if (recognised->kind == Kind::kPain001) {
    ReadInitiation(*recognised, group, out);
  } else {
    ReadInterbank(*recognised, group, out);
  }
  if (out.empty()) {
    return OneError(
        MakeError(file, XmlLine(bytes, recognised->message),
                  fmt::format("no CdtTrfTxInf in <{}>", LocalName(recognised->message))));
  }
  return out;
}

}  // namespace embargo::payments
