/*
 * test_ifbench_custom.c - hand-written cases for the IFBench "custom:*" checkers.
 *
 * Inputs are hand-written to sit on both sides of each threshold and to probe
 * the quirks kept in compat semantics (docs/CHECKERS.md); the expected strict
 * and loose verdicts were obtained by running the pinned reference logic
 * (allenai/IFBench db69a6f, NLTK 3.9.2 tokenizers) on them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "support/ifb_support.h"

static const ifb_case cases[] = {
    {"custom:multiples", "{}",
     "14, 21, 28, 35, 42, 49",
     1, 1, "exact", 0},
    {"custom:multiples", "{}",
     "14,21,28,35,42,49",
     1, 1, "no spaces", 0},
    {"custom:multiples", "{}",
     "7, 14, 21, 28, 35, 42, 49",
     0, 0, "starts at 7", 0},
    {"custom:multiples", "{}",
     "14 21 28 35 42",
     0, 0, "missing 49", 0},
    {"custom:multiples", "{}",
     "Multiples: 14, 21, 28, 35, 42 and 49.",
     1, 1, "words around are fine", 0},
    {"custom:multiples", "{}",
     "14, 21, 28, 35, 42, 49 (6 numbers)",
     0, 0, "any other number fails", 0},
    {"custom:mcq_count_length", "{}",
     "Question 1: Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 2: Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 3: Why Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 4: Why Why Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\n",
     1, 1, "four growing questions", 0},
    {"custom:mcq_count_length", "{}",
     "Question 1: Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 2: Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 3: Why Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 4: Why Why Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\n",
     0, 0, "not strictly longer", 0},
    {"custom:mcq_count_length", "{}",
     "Question 1: Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 2: Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 3: Why Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\n",
     0, 0, "three questions", 0},
    {"custom:mcq_count_length", "{}",
     "Here you go:\nQuestion 1: Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 2: Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 3: Why Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 4: Why Why Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\n",
     0, 1, "an explanation first fails strict", 0},
    {"custom:mcq_count_length", "{}",
     "Question 1: Why x?\nA. one\nB. two\nC. three\nD. four\nQuestion 2: Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 3: Why Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\nQuestion 4: Why Why Why Why x?\nA. one\nB. two\nC. three\nD. four\nE. five\n",
     0, 0, "four options in one question", 0},
    {"custom:mcq_count_length", "{}",
     "Question 1: Why x?\nA) one\nB. two\nC. three\nD. four\nE. five\nQuestion 2: Why Why x?\nA) one\nB. two\nC. three\nD. four\nE. five\nQuestion 3: Why Why Why x?\nA) one\nB. two\nC. three\nD. four\nE. five\nQuestion 4: Why Why Why Why x?\nA) one\nB. two\nC. three\nD. four\nE. five\n",
     1, 1, "A) also counts", 0},
    {"custom:reverse_newline", "{}",
     "Zimbabwe\nZambia\nUganda\nTunisia\nTogo\nTanzania\nSudan\nSouth Sudan\nSouth Africa\nSomalia\nSierra Leone\nSeychelles\nSenegal\nS\303\243o Tom\303\251 and Pr\303\255ncipe\nRwanda\nNigeria\nNiger\nNamibia\nMozambique\nMorocco\nMauritius\nMauritania\nMali\nMalawi\nMadagascar\nLibya\nLiberia\nLesotho\nKenya\nGuinea-Bissau\nGuinea\nGhana\nGambia\nGabon\nEthiopia\nEswatini\nEritrea\nEquatorial Guinea\nEgypt\nDjibouti\nDR Congo\nC\303\264te d'Ivoire\nCongo\nComoros\nChad\nCentral African Republic\nCameroon\nCabo Verde\nBurundi\nBurkina Faso\nBotswana\nBenin\nAngola\nAlgeria",
     1, 1, "reverse-sorted, diacritics folded", 0},
    {"custom:reverse_newline", "{}",
     "Zimbabwe\nZambia\nUganda\nTunisia\nTogo\nTanzania\nSudan\nSouth Sudan\nSouth Africa\nSomalia\nSierra Leone\nSeychelles\nSenegal\nS\303\243o Tom\303\251 and Pr\303\255ncipe\nRwanda\nNigeria\nNiger\nNamibia\nMozambique\nMorocco\nMauritius\nMauritania\nMali\nMalawi\nMadagascar\nLibya\nLiberia\nLesotho\nKenya\nGuinea-Bissau\nGuinea\nGhana\nGambia\nGabon\nEthiopia\nEswatini\nEritrea\nEquatorial Guinea\nEgypt\nDjibouti\nDR Congo\nC\303\264te d'Ivoire\nCongo\nComoros\nChad\nCentral African Republic\nCameroon\nCabo Verde\nBurundi\nBurkina Faso\nBotswana",
     0, 0, "only 51 lines", 0},
    {"custom:reverse_newline", "{}",
     "Zimbabwe\nZambia\nUganda\nTogo\nTunisia\nTanzania\nSudan\nSouth Sudan\nSouth Africa\nSomalia\nSierra Leone\nSeychelles\nSenegal\nS\303\243o Tom\303\251 and Pr\303\255ncipe\nRwanda\nNigeria\nNiger\nNamibia\nMozambique\nMorocco\nMauritius\nMauritania\nMali\nMalawi\nMadagascar\nLibya\nLiberia\nLesotho\nKenya\nGuinea-Bissau\nGuinea\nGhana\nGambia\nGabon\nEthiopia\nEswatini\nEritrea\nEquatorial Guinea\nEgypt\nDjibouti\nDR Congo\nC\303\264te d'Ivoire\nCongo\nComoros\nChad\nCentral African Republic\nCameroon\nCabo Verde\nBurundi\nBurkina Faso\nBotswana\nBenin\nAngola\nAlgeria",
     0, 0, "two lines swapped", 0},
    {"custom:reverse_newline", "{}",
     "- Zimbabwe\n- Zambia\n- Uganda\n- Tunisia\n- Togo\n- Tanzania\n- Sudan\n- South Sudan\n- South Africa\n- Somalia\n- Sierra Leone\n- Seychelles\n- Senegal\n- S\303\243o Tom\303\251 and Pr\303\255ncipe\n- Rwanda\n- Nigeria\n- Niger\n- Namibia\n- Mozambique\n- Morocco\n- Mauritius\n- Mauritania\n- Mali\n- Malawi\n- Madagascar\n- Libya\n- Liberia\n- Lesotho\n- Kenya\n- Guinea-Bissau\n- Guinea\n- Ghana\n- Gambia\n- Gabon\n- Ethiopia\n- Eswatini\n- Eritrea\n- Equatorial Guinea\n- Egypt\n- Djibouti\n- DR Congo\n- C\303\264te d'Ivoire\n- Congo\n- Comoros\n- Chad\n- Central African Republic\n- Cameroon\n- Cabo Verde\n- Burundi\n- Burkina Faso\n- Botswana\n- Benin\n- Angola\n- Algeria",
     1, 1, "list markers are stripped", 0},
    {"custom:reverse_newline", "{}",
     "Zambia\nUganda\nTunisia\nTogo\nTanzania\nSudan\nSouth Sudan\nSouth Africa\nSomalia\nSierra Leone\nSeychelles\nSenegal\nS\303\243o Tom\303\251 and Pr\303\255ncipe\nRwanda\nNigeria\nNiger\nNamibia\nMozambique\nMorocco\nMauritius\nMauritania\nMali\nMalawi\nMadagascar\nLibya\nLiberia\nLesotho\nKenya\nGuinea-Bissau\nGuinea\nGhana\nGambia\nGabon\nEthiopia\nEswatini\nEritrea\nEquatorial Guinea\nEgypt\nDjibouti\nDR Congo\nC\303\264te d'Ivoire\nCongo\nComoros\nChad\nCentral African Republic\nCameroon\nCabo Verde\nBurundi\nBurkina Faso\nBotswana\nBenin\nAngola\nAlgeria",
     0, 0, "no Zimbabwe", 0},
    {"custom:word_reverse", "{}",
     "eagle bald the is animal the",
     1, 1, "reversed words", 0},
    {"custom:word_reverse", "{}",
     "The animal is the bald eagle.",
     0, 0, "not reversed", 0},
    {"custom:word_reverse", "{}",
     "Eagle bald the is it. Yes.",
     1, 1, "the reversed text splits into two sentences", 0},
    {"custom:character_reverse", "{}",
     "elgae dlab eht",
     1, 1, "reversed letters", 0},
    {"custom:character_reverse", "{}",
     "ELGAE DLAB",
     1, 1, "case-insensitive", 0},
    {"custom:character_reverse", "{}",
     "bald eagle",
     0, 0, "not reversed", 0},
    {"custom:sentence_alphabet", "{}",
     "Ax word. Bx word. Cx word. Dx word. Ex word. Fx word. Gx word. Hx word. Ix word. Jx word. Kx word. Lx word. Mx word. Nx word. Ox word. Px word. Qx word. Rx word. Sx word. Tx word. Ux word. Vx word. Wx word. Xx word. Yx word. Zx word.",
     1, 1, "26 sentences a..z", 0},
    {"custom:sentence_alphabet", "{}",
     "Ax word. Bx word. Dx word. Dx word. Ex word. Fx word. Gx word. Hx word. Ix word. Jx word. Kx word. Lx word. Mx word. Nx word. Ox word. Px word. Qx word. Rx word. Sx word. Tx word. Ux word. Vx word. Wx word. Xx word. Yx word. Zx word.",
     0, 0, "a letter out of order", 0},
    {"custom:sentence_alphabet", "{}",
     "Ax word. Bx word. Cx word. Dx word. Ex word. Fx word. Gx word. Hx word. Ix word. Jx word. Kx word. Lx word. Mx word. Nx word. Ox word. Px word. Qx word. Rx word. Sx word. Tx word. Ux word. Vx word. Wx word. Xx word. Yx word.",
     0, 0, "25 sentences", 0},
    {"custom:european_capitals_sort", "{}",
     "Reykjavik, Helsinki, Oslo, Tallinn, Stockholm, Riga, Moscow, Copenhagen, Vilnius, Minsk, Dublin, Berlin, Amsterdam, Warsaw, London, Brussels, Prague, Luxembourg, Paris, Vienna, Bratislava, Budapest, Vaduz, Chisinau, Bern, Ljubljana, Zagreb",
     1, 1, "exact order", 0},
    {"custom:european_capitals_sort", "{}",
     "Reykjav\303\255k, Helsinki, Oslo, Tallinn, Stockholm, Riga, Moscow, Copenhagen, Vilnius, Minsk, Dublin, Berlin, Amsterdam, Warsaw, London, Brussels, Prague, Luxembourg, Paris, Vienna, Bratislava, Budapest, Vaduz, Chi\310\231in\304\203u, Bern, Ljubljana, Zagreb",
     1, 1, "diacritics are folded", 0},
    {"custom:european_capitals_sort", "{}",
     "Zagreb, Ljubljana, Bern, Chisinau, Vaduz, Budapest, Bratislava, Vienna, Paris, Luxembourg, Prague, Brussels, London, Warsaw, Amsterdam, Berlin, Dublin, Minsk, Vilnius, Copenhagen, Moscow, Riga, Stockholm, Tallinn, Oslo, Helsinki, Reykjavik",
     0, 0, "reversed", 0},
    {"custom:european_capitals_sort", "{}",
     "Reykjavik, Helsinki, Oslo, Tallinn, Stockholm, Riga, Moscow, Copenhagen, Vilnius, Minsk, Dublin, Berlin, Amsterdam, Warsaw, London, Brussels, Prague, Luxembourg, Paris, Vienna, Bratislava, Budapest, Vaduz, Chisinau, Bern, Ljubljana",
     0, 0, "one missing", 0},
    {"custom:european_capitals_sort", "{}",
     "Reykjavik, Helsinki, Oslo, Tallinn, Stockholm, Riga, Moscow, Copenhagen, Vilnius, Minsk, Dublin, Berlin, Amsterdam, Warsaw, London, Brussels, Prague, Luxembourg, Paris, Vienna, Bratislava, Budapest, Vaduz, Chisinau, Bern, Ljubljana, Zagreb,",
     1, 1, "a trailing comma is dropped", 0},
    {"custom:european_capitals_sort", "{}",
     "Reykjavik,\nHelsinki,\nOslo,\nTallinn,\nStockholm,\nRiga,\nMoscow,\nCopenhagen,\nVilnius,\nMinsk,\nDublin,\nBerlin,\nAmsterdam,\nWarsaw,\nLondon,\nBrussels,\nPrague,\nLuxembourg,\nParis,\nVienna,\nBratislava,\nBudapest,\nVaduz,\nChisinau,\nBern,\nLjubljana,\nZagreb",
     1, 1, "newlines are stripped", 0},
    {"custom:csv_city", "{}",
     "ID,Country,City,Year,Count\n1,France,Paris,2000,1\n2,France,Paris,2000,2\n3,France,Paris,2000,3\n4,France,Paris,2000,4\n5,France,Paris,2000,5\n6,France,Paris,2000,6\n7,France,Paris,2000,7\n",
     1, 1, "header and 7 rows", 0},
    {"custom:csv_city", "{}",
     "ID,Country,City,Year,Count\n1,France,Paris,2000,1\n2,France,Paris,2000,2\n3,France,Paris,2000,3\n4,France,Paris,2000,4\n5,France,Paris,2000,5\n6,France,Paris,2000,6\n7,France,Paris,2000,7\n8,France,Paris,2000,8\n",
     0, 0, "8 rows", 0},
    {"custom:csv_city", "{}",
     "ID,country,City,Year,count\n1,France,Paris,2000,1\n2,France,Paris,2000,2\n3,France,Paris,2000,3\n4,France,Paris,2000,4\n5,France,Paris,2000,5\n6,France,Paris,2000,6\n7,France,Paris,2000,7\n",
     0, 0, "header is exact", 0},
    {"custom:csv_city", "{}",
     "ID,Country,City,Year,Count\n1,France,\"Paris, Centre\",2000,1\n2,France,Paris,2000,2\n3,France,Paris,2000,3\n4,France,Paris,2000,4\n5,France,Paris,2000,5\n6,France,Paris,2000,6\n7,France,Paris,2000,7\n",
     1, 1, "a quoted comma stays in one field", 0},
    {"custom:csv_city", "{}",
     "ID,Country,City,Year,Count\015\n1,France,Paris,2000,1\015\n2,France,Paris,2000,2\015\n3,France,Paris,2000,3\015\n4,France,Paris,2000,4\015\n5,France,Paris,2000,5\015\n6,France,Paris,2000,6\015\n7,France,Paris,2000,7\015\n",
     1, 1, "CRLF line endings", 0},
    {"custom:csv_city", "{}",
     "ID,Country,City,Year,Count\n\n1,France,Paris,2000,1\n2,France,Paris,2000,2\n3,France,Paris,2000,3\n4,France,Paris,2000,4\n5,France,Paris,2000,5\n6,France,Paris,2000,6\n7,France,Paris,2000,7\n",
     0, 0, "a blank line is a record", 0},
    {"custom:csv_city", "{}",
     "ID, Country, City, Year, Count\n1,France,Paris,2000,1\n2,France,Paris,2000,2\n3,France,Paris,2000,3\n4,France,Paris,2000,4\n5,France,Paris,2000,5\n6,France,Paris,2000,6\n7,France,Paris,2000,7\n",
     0, 0, "spaces after commas stay in the header fields", 0},
    {"custom:csv_special_character", "{}",
     "ProductID,Category,Brand,Price,Stock\n1,Tools,Acme,9.99,1\n2,Tools,\"Acme & Co\",9.99,2\n3,Tools,Acme,9.99,3\n4,Tools,Acme,9.99,4\n5,Tools,Acme,9.99,5\n6,Tools,Acme,9.99,6\n7,Tools,Acme,9.99,7\n8,Tools,Acme,9.99,8\n9,Tools,Acme,9.99,9\n10,Tools,Acme,9.99,10\n11,Tools,Acme,9.99,11\n12,Tools,\"Acme & Co\",9.99,12\n13,Tools,Acme,9.99,13\n14,Tools,Acme,9.99,14\n",
     1, 1, "a quoted special character", 0},
    {"custom:csv_special_character", "{}",
     "ProductID,Category,Brand,Price,Stock\n1,Tools,Acme,9.99,1\n2,Tools,Acme,9.99,2\n3,Tools,Acme,9.99,3\n4,Tools,Acme,9.99,4\n5,Tools,Acme,9.99,5\n6,Tools,Acme,9.99,6\n7,Tools,Acme,9.99,7\n8,Tools,Acme,9.99,8\n9,Tools,Acme,9.99,9\n10,Tools,Acme,9.99,10\n11,Tools,Acme,9.99,11\n12,Tools,Acme,9.99,12\n13,Tools,Acme,9.99,13\n14,Tools,Acme,9.99,14\n",
     0, 0, "no quoted field", 0},
    {"custom:csv_special_character", "{}",
     "ProductID,Category,Brand,Price,Stock\n1,Tools,Acme,9.99,1\n2,Tools,\"Acme Co\",9.99,2\n3,Tools,Acme,9.99,3\n4,Tools,Acme,9.99,4\n5,Tools,Acme,9.99,5\n6,Tools,Acme,9.99,6\n7,Tools,Acme,9.99,7\n8,Tools,Acme,9.99,8\n9,Tools,Acme,9.99,9\n10,Tools,Acme,9.99,10\n11,Tools,Acme,9.99,11\n12,Tools,\"Acme Co\",9.99,12\n13,Tools,Acme,9.99,13\n14,Tools,Acme,9.99,14\n",
     0, 0, "quoted but nothing special", 0},
    {"custom:csv_special_character", "{}",
     "ProductID,Category,Brand,Price,Stock\n1,Tools,Acme,9.99,1\n2,Tools,\"Acme & Co\",9.99,2\n3,Tools,Acme,9.99,3\n4,Tools,Acme,9.99,4\n5,Tools,Acme,9.99,5\n6,Tools,Acme,9.99,6\n7,Tools,Acme,9.99,7\n8,Tools,Acme,9.99,8\n9,Tools\n10,Tools,Acme,9.99,10\n11,Tools,Acme,9.99,11\n12,Tools,\"Acme & Co\",9.99,12\n13,Tools,Acme,9.99,13\n14,Tools,Acme,9.99,14\n",
     1, 1, "rows after the special field are not checked", 0},
    {"custom:csv_special_character", "{}",
     "\"ProductID\", Category,Brand,Price,Stock\n1,Tools,Acme,9.99,1\n2,Tools,Acme,9.99,2\n3,Tools,Acme,9.99,3\n4,Tools,Acme,9.99,4\n5,Tools,Acme,9.99,5\n6,Tools,Acme,9.99,6\n7,Tools,Acme,9.99,7\n8,Tools,Acme,9.99,8\n9,Tools,Acme,9.99,9\n10,Tools,Acme,9.99,10\n11,Tools,Acme,9.99,11\n12,Tools,Acme,9.99,12\n13,Tools,Acme,9.99,13\n14,Tools,Acme,9.99,14\n",
     0, 0, "quoted header names and spaces are allowed", 0},
    {"custom:csv_quotes", "{}",
     "\"StudentID\"\t\"Subject\"\t\"Grade\"\t\"Semester\"\t\"Score\"\n\"S1\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"71\"\n\"S2\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"72\"\n\"S3\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"73\"\n",
     1, 1, "every field quoted", 0},
    {"custom:csv_quotes", "{}",
     "\"StudentID\"\t\"Subject\"\t\"Grade\"\t\"Semester\"\t\"Score\"\n\"S1\"\tArt\t\"B\"\t\"Fall\"\t\"71\"\n\"S2\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"72\"\n\"S3\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"73\"\n",
     0, 0, "one unquoted field", 0},
    {"custom:csv_quotes", "{}",
     "\"StudentID\"\t\"Subject\"\t\"Grade\"\t\"Semester\"\t\"Score\"\n\"S1\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"71\"\n\"S2\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"72\"\n\"S3\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"73\"\n\"S4\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"74\"\n",
     0, 0, "four rows", 0},
    {"custom:csv_quotes", "{}",
     "\"StudentID\",\"Subject\",\"Grade\",\"Semester\",\"Score\"\n\"S1\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"71\"\n\"S2\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"72\"\n\"S3\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"73\"\n",
     0, 0, "comma-separated header", 0},
    {"custom:date_format_list", "{}",
     "1796-04-12, 1805-12-02, 1815-06-18",
     1, 1, "valid dates", 0},
    {"custom:date_format_list", "{}",
     "1796-04-12, 1822-01-01",
     0, 0, "year out of range", 0},
    {"custom:date_format_list", "{}",
     "1796-04-31",
     0, 0, "April 31", 0},
    {"custom:date_format_list", "{}",
     "1800-02-29, 1800-00-00",
     1, 1, "Feb 29 and month/day 00 pass", 0},
    {"custom:date_format_list", "{}",
     "1796-4-12",
     0, 0, "single-digit month", 0},
    {"custom:date_format_list", "{}",
     "1796-04-12,",
     0, 0, "a trailing comma", 0},
    {"custom:date_format_list", "{}",
     "\331\241\331\247\331\251\331\246-04-12",
     1, 1, "Arabic-Indic digits", 0},
    {"custom:date_format_list", "{}",
     "Dates: 1796-04-12",
     0, 0, "an explanation", 0},
};

static void test_cases(void **state)
{
    (void)state;
    assert_int_equal(ifb_run(cases, sizeof cases / sizeof *cases), sizeof cases / sizeof *cases);
}

static void test_reference_raises(void **state)
{
    (void)state;
    /* csv.reader raises on a bare CR inside a line: no verdict, never a pass */
    assert_int_equal(ifb_status("custom:csv_city", "{}",
                                "ID,Country,City,Year,Count\r 1,France,Paris,2000,1", 0),
                     IFR_E_UNSUPPORTED);
    /* an empty field makes field.strip()[0] raise IndexError */
    assert_int_equal(ifb_status("custom:csv_quotes", "{}",
                                "\"StudentID\"\t\"Subject\"\t\"Grade\"\t\"Semester\"\t\"Score\"\n"
                                "\"S1\"\t\t\"A\"\t\"Fall\"\t\"90\"\n"
                                "\"S2\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"80\"\n"
                                "\"S3\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"70\"",
                                0),
                     IFR_E_UNSUPPORTED);
    /* ... but an earlier unquoted field decides first (all() short-circuits) */
    assert_int_equal(ifb_status("custom:csv_quotes", "{}",
                                "\"StudentID\"\t\"Subject\"\t\"Grade\"\t\"Semester\"\t\"Score\"\n"
                                "S1\t\t\"A\"\t\"Fall\"\t\"90\"\n"
                                "\"S2\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"80\"\n"
                                "\"S3\"\t\"Art\"\t\"B\"\t\"Fall\"\t\"70\"",
                                0),
                     IFR_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_reference_raises),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
