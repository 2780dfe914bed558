list(APPEND EMBARGO_TEST_SOURCES tests/payments/codes_test.cc tests/payments/iso20022_test.cc
  tests/payments/swift_mt_test.cc tests/payments/embargoes_test.cc
  tests/payments/payment_screener_test.cc tests/payments/mt_mx_agreement_test.cc
  tests/payments/listed_words_test.cc tests/payments/read_payments_test.cc)
