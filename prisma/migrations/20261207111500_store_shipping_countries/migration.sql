-- The countries a store ships to (checkout offers exactly these, the first one preselected):
-- the EU by default, Luxembourg first, existing stores included.
ALTER TABLE "Store" ADD COLUMN     "shippingCountries" TEXT[] DEFAULT ARRAY['LU', 'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']::TEXT[];
