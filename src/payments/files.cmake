list(APPEND EMBARGO_SOURCES src/payments/codes.cc src/payments/iso20022.cc src/payments/swift_mt.cc
  src/payments/read_payments.cc src/payments/embargoes.cc src/payments/listed_words.cc src/payments/payment_screener.cc
  src/payments/screening_json.cc)
