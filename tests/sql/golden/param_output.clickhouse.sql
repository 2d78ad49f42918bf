DROP TEMPORARY TABLE IF EXISTS "segc#t";
CREATE TEMPORARY TABLE "segc#t" ENGINE = Memory AS SELECT *, rowNumberInAllBlocks() + 1 AS "segc#row" FROM "param_output";
DROP TEMPORARY TABLE IF EXISTS "segc#r0";
CREATE TEMPORARY TABLE "segc#r0" ENGINE = Memory AS SELECT *,
    CAST("x" AS Nullable(Float64)) AS "segc#4"
  FROM "segc#t";
DROP TEMPORARY TABLE IF EXISTS "segc#r1";
CREATE TEMPORARY TABLE "segc#r1" ENGINE = Memory AS SELECT *,
    CASE WHEN abs("segc#4") < reinterpretAsFloat64(reinterpretAsString(toUInt64(9209861237972664320))) AND abs(reinterpretAsFloat64(reinterpretAsString(toUInt64(4599075939470750515)))) < reinterpretAsFloat64(reinterpretAsString(toUInt64(9209861237972664320))) THEN "segc#4" + reinterpretAsFloat64(reinterpretAsString(toUInt64(4599075939470750515))) WHEN abs(reinterpretAsFloat64(reinterpretAsString(toUInt64(4599075939470750515)))) < reinterpretAsFloat64(reinterpretAsString(toUInt64(103582791429521408))) THEN "segc#4" WHEN abs("segc#4") < reinterpretAsFloat64(reinterpretAsString(toUInt64(103582791429521408))) THEN reinterpretAsFloat64(reinterpretAsString(toUInt64(4599075939470750515))) WHEN abs("segc#4" / 2 + reinterpretAsFloat64(reinterpretAsString(toUInt64(4599075939470750515))) / 2) <= reinterpretAsFloat64(reinterpretAsString(toUInt64(9214364837600034815))) THEN 2 * ("segc#4" / 2 + reinterpretAsFloat64(reinterpretAsString(toUInt64(4599075939470750515))) / 2) END AS "segc#5"
  FROM "segc#r0";
DROP TEMPORARY TABLE IF EXISTS "segc#d0";
CREATE TEMPORARY TABLE "segc#d0" ENGINE = Memory AS SELECT CASE WHEN arrayMap(segc_s -> if(length(segc_s) = 0, NULL, arrayMap(segc_p -> if(segc_p = floor(segc_p), segc_s[toUInt64(floor(segc_p)) + 1], segc_s[toUInt64(floor(segc_p)) + 1] + (segc_s[toUInt64(floor(segc_p)) + 2] - segc_s[toUInt64(floor(segc_p)) + 1]) * (segc_p - floor(segc_p))), [reinterpretAsFloat64(reinterpretAsString(toUInt64(4602678819172646912))) * (toFloat64(length(segc_s)) - 1)])[1]), [arraySort(groupArray("segc#5"))])[1] = 0 THEN CASE WHEN (reinterpretAsFloat64(reinterpretAsString(toUInt64(4602678819172646912))) * CAST(count("segc#5") - 1 AS Nullable(Float64))) = floor((reinterpretAsFloat64(reinterpretAsString(toUInt64(4602678819172646912))) * CAST(count("segc#5") - 1 AS Nullable(Float64)))) AND (reinterpretAsFloat64(reinterpretAsString(toUInt64(4602678819172646912))) * CAST(count("segc#5") - 1 AS Nullable(Float64))) < count(CASE WHEN "segc#5" < 0 OR ("segc#5" = 0 AND 1 / "segc#5" < 0) THEN 1 END) THEN reinterpretAsFloat64(reinterpretAsString(toUInt64(9223372036854775808))) ELSE toFloat64(0) END ELSE arrayMap(segc_s -> if(length(segc_s) = 0, NULL, arrayMap(segc_p -> if(segc_p = floor(segc_p), segc_s[toUInt64(floor(segc_p)) + 1], segc_s[toUInt64(floor(segc_p)) + 1] + (segc_s[toUInt64(floor(segc_p)) + 2] - segc_s[toUInt64(floor(segc_p)) + 1]) * (segc_p - floor(segc_p))), [reinterpretAsFloat64(reinterpretAsString(toUInt64(4602678819172646912))) * (toFloat64(length(segc_s)) - 1)])[1]), [arraySort(groupArray("segc#5"))])[1] END AS "c1" FROM "segc#r1";
DROP TEMPORARY TABLE IF EXISTS "segc#r2";
CREATE TEMPORARY TABLE "segc#r2" ENGINE = Memory AS SELECT *,
    CASE WHEN "segc#5" IS NOT NULL THEN CAST(1 + CASE WHEN "segc#5" > (SELECT "c1" FROM "segc#d0") THEN 1 ELSE 0 END AS Nullable(Int64)) END AS "segc#6"
  FROM "segc#r1";

SELECT "id",
  reinterpretAsFloat64(reinterpretAsString(toUInt64(4599075939470750515))) AS "s",
  CAST("segc#6" AS Nullable(Float64)) AS "tile",
  CAST(CASE WHEN "segc#5" IS NULL AND "segc#4" IS NOT NULL AND reinterpretAsFloat64(reinterpretAsString(toUInt64(4599075939470750515))) IS NOT NULL THEN 1 ELSE 0 END AS Nullable(Int64)) AS "segc_overflows"
FROM "segc#r2"
ORDER BY "id";
