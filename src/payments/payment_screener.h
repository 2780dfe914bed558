// Screening a payment message: every party and agent, every code and every
// line of free text, against the lists and the embargoed jurisdictions.
//
//   party / agent name ──► Screener (the party's countries and ids as
//                          evidence; agents as organisations). A name
//                          field that runs on into an address ("RI WON HO
//                          PYONGYANG DPRK") and MT lines (35 characters,
//                          names wrap) are read in windows of two lines;
//                          a candidate that aligns with part of a window is
//                          screened again on that part alone.
//   BIC ─────────────────► listed BICs: the same BIC, a branch of a listed
//                          BIC8 / head office, or the same institution and
//                          country (first 6 characters); its country (5-6)
//                          against the embargoes
//   country, town, IBAN ─► Embargoes (country codes, place spellings)
//   free text ───────────► names (parties and vessels), IMO numbers, listed
//                          BICs, places
//
// Each hit carries the field path, what in the message matched, what it
// matched on a list or in the embargo table, a score and an explanation; a
// message with any hit is held. Immutable; thread-safe: one instance
// serves every thread.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "embargo/screener.h"
#include "payments/embargoes.h"
#include "payments/listed_words.h"
#include "payments/message.h"

namespace embargo::payments {

struct Hit {
  std::string path;  // field path: "CdtTrfTxInf[1]/Cdtr/Nm", ":59:", ":70:"
  std::string role;  // the party's role, "" for free text
  // party_name, text_name, vessel_name, bic, bic_country, imo, country, place
  std::string kind;
  std::string text;  // what in the message matched: "RI WON HO", "FTBDKPPY"
  // Free text (remittance information, :70:): the whole field the hit is
  // in, which a good-guy entry covers (GoodGuyText); "" for a party's fields.
  std::string field_text;
  double score = 0;                        // 1 for codes and places; the name score for names
  const Entity* entity = nullptr;          // list hits (owned by the Screener)
  std::optional<Explanation> explanation;  // name hits
  const Place* place = nullptr;            // embargo hits (owned by the Embargoes)
  std::string detail;                      // one line: why this is a hit
};

struct Screening {
  std::string decision;  // "pass" or "hold"
  double threshold = 0;  // the name-score threshold it was screened at
  std::vector<Hit> hits;
  std::vector<Hit> suppressed;  // hits a good-guy decision cleared
};

struct PaymentScreenOptions {
  double threshold = kDefaultThreshold;
  // When set, a hit it accepts is cleared (a false positive decided once:
  // the store's good-guy entries). Called concurrently: must be pure.
  std::function<bool(const Hit&)> cleared;
};

class PaymentScreener {
 public:
  PaymentScreener(std::shared_ptr<const Screener> screener,
                  std::shared_ptr<const Embargoes> embargoes);

  Screening Screen(const Message& message, const PaymentScreenOptions& options) const;

  const Screener& screener() const { return *screener_; }
  const Embargoes& embargoes() const { return *embargoes_; }

 private:
  struct Context;
  void ScreenParty(const Party& party, Context& ctx) const;
  void ScreenFreeText(const std::string& path, const std::string& text, Context& ctx) const;
  void ScreenTextNames(const std::string& path, const std::string& text, Context& ctx) const;
  void ScreenSpans(const std::string& path, const std::string& clean,
                   const std::vector<Word>& words, const ListedWords& listed_words,
                   const Query& base, const char* kind, Context& ctx) const;
  // Screens `text` as a name. A name field (`name_field`) is judged as the
  // engine judges names, and a candidate aligned with part of it is screened
  // again on that part; other text must name a listed name whole.
  void ScreenName(const std::string& path, const std::string& role, const std::string& text,
                  const Query& base, const char* kind, bool name_field, Context& ctx) const;
  void ScreenBic(const std::string& path, const std::string& role, const std::string& bic,
                 bool country_too, Context& ctx) const;
  void ScreenCountry(const std::string& path, const std::string& role, const std::string& code,
                     const char* what, Context& ctx) const;
  void ScreenPlaces(const std::string& path, const std::string& role, const std::string& text,
                    Context& ctx) const;
  // IMO numbers of listed vessels and listed BICs in free text.
  void ScreenCodes(const std::string& path, const std::string& text, Context& ctx) const;

  std::shared_ptr<const Screener> screener_;
  std::shared_ptr<const Embargoes> embargoes_;
  // Listed codes, from the entities' identifiers.
  std::unordered_multimap<std::string, const Entity*> bic11_;  // "FTBDKPPYXXX"
  std::unordered_multimap<std::string, const Entity*> bic8_;   // head-office listings by BIC8
  std::unordered_multimap<std::string, const Entity*> bic6_;   // institution + country
  std::unordered_multimap<std::string, const Entity*> imo_;    // "9074729"
  ListedWords party_words_;   // of the names of people, firms and bodies
  ListedWords vessel_words_;  // of ships' names
};

}  // namespace embargo::payments
