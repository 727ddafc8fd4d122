-- The starting catalog of a small design and home-goods shop. Images are served by the storefront.
INSERT INTO product (sku, name, description, price_amount_minor, currency, stock, image_url) VALUES
('MUG-001', 'Stoneware Mug, Sand', 'Hand-thrown stoneware mug with a speckled sand glaze. 350 ml, dishwasher safe.', 1400, 'EUR', 40, '/images/mug-001.svg'),
('MUG-002', 'Stoneware Mug, Charcoal', 'The same hand-thrown mug in a deep charcoal matte glaze. 350 ml.', 1400, 'EUR', 35, '/images/mug-002.svg'),
('BWL-001', 'Serving Bowl, Ash Glaze', 'Wide serving bowl in an ash glaze that pools darker at the rim. 26 cm.', 3200, 'EUR', 18, '/images/bwl-001.svg'),
('PLT-001', 'Dinner Plates, Set of 4', 'Four porcelain dinner plates with a raw, unglazed edge. 27 cm.', 4800, 'EUR', 12, '/images/plt-001.svg'),
('VAS-001', 'Bud Vase, Smoke Glass', 'Mouth-blown bud vase in smoke-grey glass, for a single stem. 14 cm.', 2200, 'EUR', 25, '/images/vas-001.svg'),
('LMP-001', 'Brass Desk Lamp', 'Adjustable desk lamp in brushed brass with a linen cable. E27, bulb not included.', 12900, 'EUR', 8, '/images/lmp-001.svg'),
('CDL-001', 'Beeswax Taper Candles, Pair', 'Two hand-dipped beeswax tapers, about 8 hours of burn time each.', 950, 'EUR', 60, '/images/cdl-001.svg'),
('THR-001', 'Wool Throw, Oat', 'Soft throw woven from undyed lambswool, 130 x 180 cm.', 8900, 'EUR', 10, '/images/thr-001.svg'),
('CSH-001', 'Linen Cushion Cover', 'Stone-washed linen cushion cover with a hidden zip, 50 x 50 cm.', 3900, 'EUR', 22, '/images/csh-001.svg'),
('CLK-001', 'Oak Wall Clock', 'Silent-sweep wall clock with a solid oak face. 30 cm diameter.', 6400, 'EUR', 9, '/images/clk-001.svg'),
('TRY-001', 'Walnut Serving Tray', 'Oiled walnut tray with carved handles, 45 x 30 cm.', 5600, 'EUR', 14, '/images/try-001.svg'),
('NTB-001', 'Dot-Grid Notebook, A5', 'Lay-flat A5 notebook with 160 pages of dot-grid paper and a cloth cover.', 1800, 'EUR', 50, '/images/ntb-001.svg');
