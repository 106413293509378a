-- The IANA time zone a store counts its days in (reports, coupon dates, loyalty daily caps);
-- existing stores keep the zone every store used so far.
ALTER TABLE "Store" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Luxembourg';
