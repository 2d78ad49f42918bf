DROP TEMPORARY TABLE IF EXISTS "segc#t";
CREATE TEMPORARY TABLE "segc#t" ENGINE = Memory AS SELECT *, rowNumberInAllBlocks() + 1 AS "segc#row" FROM "quoting";
DROP TEMPORARY TABLE IF EXISTS "segc#r0";
CREATE TEMPORARY TABLE "segc#r0" ENGINE = Memory AS SELECT *,
    ("order" = 'z\\w') AS "segc#12",
    ("order" = 'q"r') AS "segc#14",
    ("it's" > toFloat64(1)) AS "segc#20",
    startsWith("a\"b", 'O\'') AS "segc#25",
    endsWith("a\"b", '\\temp') AS "segc#27",
    CASE WHEN "it's" = 0 OR toFloat64(2) = 0 THEN "it's" * toFloat64(2) WHEN abs("it's") > 1 AND abs(toFloat64(2)) > 1 THEN CASE WHEN abs(("it's" * reinterpretAsFloat64(reinterpretAsString(toUInt64(2301339409586323456)))) * (toFloat64(2) * reinterpretAsFloat64(reinterpretAsString(toUInt64(2301339409586323456))))) < 1 THEN "it's" * toFloat64(2) END WHEN abs("it's") >= 1 OR abs(toFloat64(2)) >= 1 OR (abs("it's") >= reinterpretAsFloat64(reinterpretAsString(toUInt64(2188749418902061056))) AND abs(toFloat64(2)) >= reinterpretAsFloat64(reinterpretAsString(toUInt64(2188749418902061056)))) THEN "it's" * toFloat64(2) WHEN abs(("it's" * reinterpretAsFloat64(reinterpretAsString(toUInt64(7025615418697973760)))) * (toFloat64(2) * reinterpretAsFloat64(reinterpretAsString(toUInt64(7025615418697973760))))) <= 0.5 THEN (0 * "it's") * toFloat64(2) ELSE "it's" * toFloat64(2) END AS "segc#32"
  FROM "segc#t";
DROP TEMPORARY TABLE IF EXISTS "segc#out";
CREATE TEMPORARY TABLE "segc#out" ENGINE = Memory AS SELECT "from",
  COALESCE(("a\"b" = 'O\'Brien'), 0) AS "segc#o0",
  COALESCE(("a\"b" = 'C:\\temp'), 0) AS "segc#o1",
  COALESCE(("order" = 'x\'y'), 0) AS "segc#o2",
  COALESCE(multiIf(coalesce("segc#12", 0) = 1 OR coalesce("segc#14", 0) = 1, 1, ("segc#12" IS NULL) OR ("segc#14" IS NULL), NULL, 0), 0) AS "segc#o3",
  COALESCE(multiIf(coalesce("segc#20", 1) = 0 OR coalesce("back\\slash", 1) = 0, 0, ("segc#20" IS NULL) OR ("back\\slash" IS NULL), NULL, 1), 0) AS "segc#o4",
  COALESCE(multiIf(coalesce("segc#25", 0) = 1 OR coalesce("segc#27", 0) = 1, 1, ("segc#25" IS NULL) OR ("segc#27" IS NULL), NULL, 0), 0) AS "segc#o5",
  "segc#32" AS "segc#o6",
  multiIf(CASE WHEN ("it's" >= toFloat64(2)) THEN toInt64(0) WHEN "back\\slash" THEN toInt64(1) ELSE toInt64(2) END = 0, 'it\'s', CASE WHEN ("it's" >= toFloat64(2)) THEN toInt64(0) WHEN "back\\slash" THEN toInt64(1) ELSE toInt64(2) END = 1, 'back\\slash', CASE WHEN ("it's" >= toFloat64(2)) THEN toInt64(0) WHEN "back\\slash" THEN toInt64(1) ELSE toInt64(2) END = 2, 'dq"', NULL) AS "segc#o7",
  CAST(CASE WHEN "segc#32" IS NULL AND "it's" IS NOT NULL AND toFloat64(2) IS NOT NULL THEN 1 ELSE 0 END AS Nullable(Int64)) AS "segc_overflows",
  "segc#row"
FROM "segc#r0";

SELECT count(*) AS "rows",
  COALESCE(sum(CASE WHEN "segc#o0" THEN 1 ELSE 0 END), 0) AS "Quote_In_Value",
  COALESCE(sum(CASE WHEN "segc#o1" THEN 1 ELSE 0 END), 0) AS "Backslash_In_Value",
  COALESCE(sum(CASE WHEN "segc#o2" THEN 1 ELSE 0 END), 0) AS "Enum_Quote",
  COALESCE(sum(CASE WHEN "segc#o3" THEN 1 ELSE 0 END), 0) AS "Enum_Backslash",
  COALESCE(sum(CASE WHEN "segc#o4" THEN 1 ELSE 0 END), 0) AS "Keyword_Columns",
  COALESCE(sum(CASE WHEN "segc#o5" THEN 1 ELSE 0 END), 0) AS "Prefix",
  count("segc#o6") AS "weird \"score\".count", COALESCE(sum("segc#o6"), 0) AS "weird \"score\".sum", min("segc#o6") AS "weird \"score\".min", max("segc#o6") AS "weird \"score\".max", sum("segc#o6") / NULLIF(count("segc#o6"), 0) AS "weird \"score\".mean",
  COALESCE(sum(CASE WHEN "segc#o7" = 'it\'s' THEN 1 ELSE 0 END), 0) AS "class'es=it's",
  COALESCE(sum(CASE WHEN "segc#o7" = 'back\\slash' THEN 1 ELSE 0 END), 0) AS "class'es=back\\slash",
  COALESCE(sum(CASE WHEN "segc#o7" = 'dq"' THEN 1 ELSE 0 END), 0) AS "class'es=dq\"",
  COALESCE(sum(CASE WHEN "segc#o7" IS NULL THEN 1 ELSE 0 END), 0) AS "class'es=",
  COALESCE(sum("segc_overflows"), 0) AS "overflows"
FROM "segc#out";
