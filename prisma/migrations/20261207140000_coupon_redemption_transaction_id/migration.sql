-- A redemption carries the transaction id of the checkout that took the coupon use, like the order.
ALTER TABLE "CouponRedemption" ADD COLUMN "transactionId" TEXT;
