WITH "segc#t" AS MATERIALIZED (SELECT *, row_number() OVER () AS "segc#row" FROM "quoting"),
"segc#r0" AS MATERIALIZED (SELECT *,
    CASE WHEN "it's" = 0 OR CAST('2' AS DOUBLE PRECISION) = 0 THEN "it's" * CAST('2' AS DOUBLE PRECISION) WHEN abs("it's") > 1 AND abs(CAST('2' AS DOUBLE PRECISION)) > 1 THEN CASE WHEN abs(("it's" * CAST('7.458340731200207e-155' AS DOUBLE PRECISION)) * (CAST('2' AS DOUBLE PRECISION) * CAST('7.458340731200207e-155' AS DOUBLE PRECISION))) < 1 THEN "it's" * CAST('2' AS DOUBLE PRECISION) END WHEN abs("it's") >= 1 OR abs(CAST('2' AS DOUBLE PRECISION)) >= 1 OR (abs("it's") >= CAST('2.2227587494850775e-162' AS DOUBLE PRECISION) AND abs(CAST('2' AS DOUBLE PRECISION)) >= CAST('2.2227587494850775e-162' AS DOUBLE PRECISION)) THEN "it's" * CAST('2' AS DOUBLE PRECISION) WHEN abs(("it's" * CAST('4.4989137945431964e+161' AS DOUBLE PRECISION)) * (CAST('2' AS DOUBLE PRECISION) * CAST('4.4989137945431964e+161' AS DOUBLE PRECISION))) <= 0.5 THEN (0 * "it's") * CAST('2' AS DOUBLE PRECISION) ELSE "it's" * CAST('2' AS DOUBLE PRECISION) END AS "segc#32"
  FROM "segc#t")
SELECT "from",
  COALESCE(("a""b" = 'O''Brien'), FALSE) AS "Quote_In_Value",
  COALESCE(("a""b" = 'C:\temp'), FALSE) AS "Backslash_In_Value",
  COALESCE(("order" = 'x''y'), FALSE) AS "Enum_Quote",
  COALESCE((("order" = 'z\w') OR ("order" = 'q"r')), FALSE) AS "Enum_Backslash",
  COALESCE((("it's" > CAST('1' AS DOUBLE PRECISION)) AND "back\slash"), FALSE) AS "Keyword_Columns",
  COALESCE((starts_with("a""b", 'O''') OR ends_with("a""b", '\temp')), FALSE) AS "Prefix",
  "segc#32" AS "weird ""score""",
  CASE CASE WHEN ("it's" >= CAST('2' AS DOUBLE PRECISION)) THEN CAST(0 AS BIGINT) WHEN "back\slash" THEN CAST(1 AS BIGINT) ELSE CAST(2 AS BIGINT) END WHEN 0 THEN 'it''s' WHEN 1 THEN 'back\slash' WHEN 2 THEN 'dq"' END AS "class'es",
  CAST(CASE WHEN "segc#32" IS NULL AND "it's" IS NOT NULL AND CAST('2' AS DOUBLE PRECISION) IS NOT NULL THEN 1 ELSE 0 END AS BIGINT) AS "segc_overflows"
FROM "segc#r0"
ORDER BY "from";
