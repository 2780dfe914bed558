// The same payment sent as MT103 and as pacs.008 gives the same parties,
// agents and decision (issue 14, item 4). Each MT103 in the samples is
// rewritten as the pacs.008 a bank would send for it (the CBPR+ field
// mapping: 50a Dbtr, 52a DbtrAgt, 53a/54a settlement reimbursement agents,
// 56a IntrmyAgt1, 57a CdtrAgt, 59a Cdtr, :70: RmtInf/Ustrd, :72:
// InstrForNxtAgt, the sender and receiver InstgAgt / InstdAgt), then both
// are read by their own parser and screened.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "common/file.h"
#include "payments/iso20022.h"
#include "payments/payment_screener.h"
#include "payments/swift_mt.h"
#include "service/reference_snapshot.h"
#include "test_paths.h"

namespace embargo::payments {
namespace {

std::string Escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Element(const std::string& name, const std::string& text) {
  return text.empty() ? "" : "<" + name + ">" + Escaped(text) + "</" + name + ">";
}

// A party's name and address lines as written in the MT field.
std::pair<std::string, std::vector<std::string>> NameAndAddress(const Party& p) {
  if (!p.name.empty() || !p.address.lines.empty()) return {p.name, p.address.lines};
  if (p.lines.empty()) return {"", {}};
  return {p.lines[0], std::vector<std::string>(p.lines.begin() + 1, p.lines.end())};
}

std::string PartyXml(const std::string& element, const Party& p) {
  auto [name, address] = NameAndAddress(p);
  std::string adr;
  for (const std::string& line : address) adr += Element("AdrLine", line);
  if (!adr.empty()) adr = "<PstlAdr>" + adr + "</PstlAdr>";
  if (p.agent) {
    return "<" + element + "><FinInstnId>" + Element("BICFI", p.bic) + Element("Nm", name) + adr +
           "</FinInstnId></" + element + ">";
  }
  std::string id = p.bic.empty() ? "" : "<Id><OrgId>" + Element("AnyBIC", p.bic) + "</OrgId></Id>";
  return "<" + element + ">" + Element("Nm", name) + adr + id + "</" + element + ">";
}

std::string AccountXml(const std::string& element, const Party& p) {
  if (p.account.empty()) return "";
  return "<" + element + "><Id><Othr>" + Element("Id", p.account) + "</Othr></Id></" + element +
         ">";
}

const Party* Role(const Message& m, const std::string& role) {
  for (const Party& p : m.parties) {
    if (p.role == role) return &p;
  }
  return nullptr;
}

// The pacs.008.001.08 that carries MT103 `mt`.
std::string AsPacs008(const Message& mt) {
  auto party = [&](const char* role, const char* element) {
    const Party* p = Role(mt, role);
    return p == nullptr ? std::string() : PartyXml(element, *p);
  };
  auto account = [&](const char* role, const char* element) {
    const Party* p = Role(mt, role);
    return p == nullptr ? std::string() : AccountXml(element, *p);
  };
  std::string reimbursement;
  if (Role(mt, "senders_correspondent") || Role(mt, "receivers_correspondent")) {
    reimbursement = party("senders_correspondent", "InstgRmbrsmntAgt") +
                    account("senders_correspondent", "InstgRmbrsmntAgtAcct") +
                    party("receivers_correspondent", "InstdRmbrsmntAgt") +
                    account("receivers_correspondent", "InstdRmbrsmntAgtAcct");
  }
  std::string remittance, instructions;
  for (const FreeText& t : mt.free_text) {
    std::string flat = t.text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    if (t.path == ":70:") remittance += Element("Ustrd", flat);
    if (t.path == ":72:")
      instructions += "<InstrForNxtAgt>" + Element("InstrInf", flat) + "</InstrForNxtAgt>";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf>"
         "<GrpHdr><MsgId>" +
         Escaped(mt.id) +
         "</MsgId><CreDtTm>2025-01-01T00:00:00</CreDtTm>"
         "<NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>INDA</SttlmMtd>" +
         reimbursement + "</SttlmInf></GrpHdr><CdtTrfTxInf><PmtId><InstrId>" + Escaped(mt.id) +
         "</InstrId><EndToEndId>" + Escaped(mt.id) +
         "</EndToEndId></PmtId>"
         "<IntrBkSttlmAmt Ccy=\"" +
         mt.currency + "\">" + mt.amount +
         "</IntrBkSttlmAmt>"
         "<IntrBkSttlmDt>" +
         mt.date + "</IntrBkSttlmDt><ChrgBr>SHAR</ChrgBr>" +
         party("instructing_agent", "InstgAgt") + party("instructed_agent", "InstdAgt") +
         party("intermediary_agent1", "IntrmyAgt1") +
         account("intermediary_agent1", "IntrmyAgt1Acct") + party("debtor", "Dbtr") +
         account("debtor", "DbtrAcct") + party("debtor_agent", "DbtrAgt") +
         account("debtor_agent", "DbtrAgtAcct") + party("creditor_agent", "CdtrAgt") +
         account("creditor_agent", "CdtrAgtAcct") + party("creditor", "Cdtr") +
         account("creditor", "CdtrAcct") + instructions +
         (remittance.empty() ? "" : "<RmtInf>" + remittance + "</RmtInf>") +
         "</CdtTrfTxInf></FIToFICstmrCdtTrf></Document>\n";
}

using PartyKey =
    std::tuple<std::string, bool, std::string, std::vector<std::string>, std::string, std::string>;

std::multiset<PartyKey> Parties(const Message& m) {
  std::multiset<PartyKey> out;
  for (const Party& p : m.parties) {
    auto [name, address] = NameAndAddress(p);
    out.insert({p.role, p.agent, name, address, p.bic, p.account});
  }
  return out;
}

// (role, kind, what was hit) of each hit: the field paths differ by syntax.
std::set<std::string> HitKeys(const Screening& s) {
  std::set<std::string> out;
  for (const Hit& h : s.hits) {
    out.insert(h.role + " " + h.kind + " " +
               (h.entity != nullptr  ? h.entity->id
                : h.place != nullptr ? h.place->name
                                     : ""));
  }
  return out;
}

class MtMxAgreementTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { screener_ = service::testing::ReferenceSnapshot().payments.get(); }

  // Every MT103 of the samples, with `edit` applied to its FIN text.
  static std::vector<Message> Mt103s(const std::function<std::string(std::string)>& edit) {
    std::vector<Message> out;
    for (const char* name : {"ballerina_a_2014.fin", "ballerina_a_2015.fin", "ballerina_a_2016.fin",
                             "ballerina_fin2.fin", "ballerina_fin3.fin",
                             "prowide_MT103-bulk-with-ack.rje", "prowide_MT103-out-ack.rje"}) {
      auto bytes = ReadFileBytes(testing::SharedData(std::string("payments/mt/") + name));
      EXPECT_TRUE(bytes.ok()) << name;
      if (!bytes.ok()) continue;
      for (ParsedMessage& p : ParseSwiftMt(edit(*bytes), name)) {
        EXPECT_TRUE(p.message) << p.error->ToString();
        if (p.message && p.message->type == "MT103") out.push_back(std::move(*p.message));
      }
    }
    return out;
  }

  static void ExpectAgreement(const Message& mt, const std::string& expected_decision) {
    std::string xml = AsPacs008(mt);
    std::vector<ParsedMessage> mx = ParseIso20022(xml, "mx.xml");
    ASSERT_EQ(mx.size(), 1u);
    ASSERT_TRUE(mx[0].message) << mx[0].error->ToString() << "\n" << xml;
    EXPECT_EQ(Parties(mt), Parties(*mx[0].message)) << mt.file << " " << mt.id;
    EXPECT_EQ(mt.amount, mx[0].message->amount);
    EXPECT_EQ(mt.currency, mx[0].message->currency);
    Screening a = screener_->Screen(mt, {});
    Screening b = screener_->Screen(*mx[0].message, {});
    EXPECT_EQ(a.decision, expected_decision) << mt.file << " " << mt.id;
    EXPECT_EQ(a.decision, b.decision) << mt.file << " " << mt.id;
    EXPECT_EQ(HitKeys(a), HitKeys(b)) << mt.file << " " << mt.id;
  }

  static const PaymentScreener* screener_;
};

const PaymentScreener* MtMxAgreementTest::screener_ = nullptr;

TEST_F(MtMxAgreementTest, EverySampleMt103AndItsPacs008Agree) {
  std::vector<Message> mts = Mt103s([](std::string s) { return s; });
  EXPECT_EQ(mts.size(), 21u);
  for (const Message& mt : mts) ExpectAgreement(mt, "pass");
}

TEST_F(MtMxAgreementTest, PlantedHitsHoldBothAlike) {
  // A listed beneficiary, a listed bank as intermediary, an embargoed town.
  auto plant = [](std::string s) {
    for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
             {":59:/LK123456\r\nLNM", ":59:/LK123456\r\nRI WON HO"},
             {":56A:/123456\r\nCITIUS33XXX", ":56A:/123456\r\nFTBDKPPYXXX"},
             {"GALLE RD COLOMBO 03 SL", "SOSONG STREET PYONGYANG"},
             {"BBBBBBBBBBBBBBBB", "KOREA MINING DEVELOPMENT TRADING CORPORATION"},
             {":52A:CCCCNGLA", ":52A:FTBDKPPY"},
             {":70:TITHE", ":70:FREIGHT MV EBANO"}}) {
      for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
      }
    }
    return s;
  };
  size_t held = 0;
  for (const Message& mt : Mt103s(plant)) {
    bool planted = false;
    for (const Party& p : mt.parties) {
      for (const char* name : {"RI WON HO", "KOREA MINING DEVELOPMENT TRADING CORPORATION",
                               "SOSONG STREET PYONGYANG"}) {
        planted = planted || std::find(p.lines.begin(), p.lines.end(), name) != p.lines.end();
      }
      planted = planted || p.bic.starts_with("FTBDKPPY");
    }
    for (const FreeText& t : mt.free_text) {
      planted = planted || t.text.find("EBANO") != std::string::npos;
    }
    ExpectAgreement(mt, planted ? "hold" : "pass");
    held += planted ? 1 : 0;
  }
  EXPECT_EQ(held, 4u);  // ballerina_fin2 and the three of the bulk batch
}

}  // namespace
}  // namespace embargo::payments
