WITH `segc#t` AS (SELECT *, monotonically_increasing_id() AS `segc#row` FROM `quoting`),
`segc#r0` AS (SELECT *,
    CASE WHEN `it's` = 0 OR CAST('2' AS DOUBLE) = 0 THEN `it's` * CAST('2' AS DOUBLE) WHEN abs(`it's`) > 1 AND abs(CAST('2' AS DOUBLE)) > 1 THEN CASE WHEN abs((`it's` * CAST('7.458340731200207e-155' AS DOUBLE)) * (CAST('2' AS DOUBLE) * CAST('7.458340731200207e-155' AS DOUBLE))) < 1 THEN `it's` * CAST('2' AS DOUBLE) END WHEN abs(`it's`) >= 1 OR abs(CAST('2' AS DOUBLE)) >= 1 OR (abs(`it's`) >= CAST('2.2227587494850775e-162' AS DOUBLE) AND abs(CAST('2' AS DOUBLE)) >= CAST('2.2227587494850775e-162' AS DOUBLE)) THEN `it's` * CAST('2' AS DOUBLE) WHEN abs((`it's` * CAST('4.4989137945431964e+161' AS DOUBLE)) * (CAST('2' AS DOUBLE) * CAST('4.4989137945431964e+161' AS DOUBLE))) <= 0.5 THEN (0 * `it's`) * CAST('2' AS DOUBLE) ELSE `it's` * CAST('2' AS DOUBLE) END AS `segc#32`
  FROM `segc#t`)
SELECT `from`,
  COALESCE((`a"b` = 'O\'Brien'), FALSE) AS `Quote_In_Value`,
  COALESCE((`a"b` = 'C:\\temp'), FALSE) AS `Backslash_In_Value`,
  COALESCE((`order` = 'x\'y'), FALSE) AS `Enum_Quote`,
  COALESCE(((`order` = 'z\\w') OR (`order` = 'q"r')), FALSE) AS `Enum_Backslash`,
  COALESCE(((`it's` > CAST('1' AS DOUBLE)) AND `back\slash`), FALSE) AS `Keyword_Columns`,
  COALESCE((startswith(`a"b`, 'O\'') OR endswith(`a"b`, '\\temp')), FALSE) AS `Prefix`,
  `segc#32` AS `weird "score"`,
  CASE CASE WHEN (`it's` >= CAST('2' AS DOUBLE)) THEN CAST(0 AS BIGINT) WHEN `back\slash` THEN CAST(1 AS BIGINT) ELSE CAST(2 AS BIGINT) END WHEN 0 THEN 'it\'s' WHEN 1 THEN 'back\\slash' WHEN 2 THEN 'dq"' END AS `class'es`,
  CAST(CASE WHEN `segc#32` IS NULL AND `it's` IS NOT NULL AND CAST('2' AS DOUBLE) IS NOT NULL THEN 1 ELSE 0 END AS BIGINT) AS `segc_overflows`
FROM `segc#r0`
ORDER BY `from`;
