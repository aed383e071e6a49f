import type { CatalogueItem, ProviderChange, Seller } from './catalogue';

// A small Taobao-like shelf: prices in CNY, stock per configuration (SKU). Item and SKU ids have Taobao's
// lengths (12 and 13 digits). Configuration text uses Taobao's `name:value;name:value` form.

const SELLERS: Record<string, Seller> = {
  coat: { id: '2206512345678', nick: '杭州衣橱旗舰店' },
  kids: { id: '1734098765432', nick: '小熊童装工厂店' },
  phone: { id: '2912345678901', nick: '华强北数码配件' },
  home: { id: '3309876543210', nick: '义乌家居百货' },
  shoes: { id: '2458765432109', nick: '莆田运动鞋城' },
  tea: { id: '1187654321098', nick: '安溪铁观音茶庄' },
  toys: { id: '2675432109876', nick: '澄海玩具批发' },
  closed: { id: '1999999999999', nick: '已关闭的店铺', closed: true },
};

type ConfigRow = [id: string, text: string, price: number, stock: number];

function item(
  id: string,
  seller: keyof typeof SELLERS,
  title: string,
  titleEn: string,
  weightKg: number,
  configs: ConfigRow[] | { price: number; stock: number },
): CatalogueItem {
  const base = { id, seller: SELLERS[seller], title, titleEn, weightKg };
  if (!Array.isArray(configs)) return { ...base, configurations: [], price: configs.price, stock: configs.stock };
  const configurations = configs.map(([configId, text, price, stock]) => ({ id: configId, text, price, stock }));
  return { ...base, configurations, price: Math.min(...configurations.map((c) => c.price)), stock: 0 };
}

export const CATALOGUE: CatalogueItem[] = [
  item('765432109876', 'coat', '2026新款女士羊毛大衣 中长款', "Women's wool coat, mid-length, 2026", 1.6, [
    ['5123456789012', '颜色:黑色;尺码:M', 459, 12],
    ['5123456789013', '颜色:黑色;尺码:L', 459, 8],
    ['5123456789014', '颜色:驼色;尺码:M', 479, 5],
    ['5123456789015', '颜色:驼色;尺码:L', 479, 0],
  ]),
  item('765432109877', 'coat', '男士加厚羽绒服 90白鸭绒', "Men's thick down jacket, 90% white duck down", 1.2, [
    ['5123456790011', '颜色:藏青;尺码:XL', 699, 20],
    ['5123456790012', '颜色:藏青;尺码:XXL', 699, 14],
    ['5123456790013', '颜色:军绿;尺码:XL', 719, 3],
  ]),
  item('765432109878', 'coat', '真丝围巾 桑蚕丝印花', 'Mulberry silk printed scarf', 0.15, [
    ['5123456791001', '花色:青花瓷', 128, 40],
    ['5123456791002', '花色:牡丹', 128, 2],
  ]),
  item('765432109879', 'coat', '羊绒毛衣 圆领 纯色', 'Cashmere crew-neck sweater', 0.45, [
    ['5123456792001', '颜色:米白;尺码:S', 356, 9],
    ['5123456792002', '颜色:米白;尺码:M', 356, 11],
    ['5123456792003', '颜色:灰色;尺码:M', 356, 6],
  ]),
  item(
    '664321098765',
    'kids',
    '儿童睡衣套装 纯棉&加绒 <120-160cm>',
    "Children's pyjama set, cotton & fleece <120-160cm>",
    0.5,
    [
      ['4409256473146', '颜色:粉色;身高:130cm', 89, 30],
      ['4409256473147', '颜色:粉色;身高:140cm', 89, 25],
      ['4409256473148', '颜色:蓝色;身高:140cm', 89, 18],
    ],
  ),
  item('664321098766', 'kids', '婴儿连体衣 有机棉 三件装', 'Baby bodysuits, organic cotton, pack of three', 0.3, [
    ['4409256474001', '尺码:66cm', 119, 50],
    ['4409256474002', '尺码:73cm', 119, 45],
    ['4409256474003', '尺码:80cm', 119, 0],
  ]),
  item('664321098767', 'kids', '儿童雨靴 防滑 卡通图案', "Children's rain boots, non-slip, cartoon print", 0.7, [
    ['4409256475001', '颜色:黄色;尺码:28', 59, 16],
    ['4409256475002', '颜色:黄色;尺码:30', 59, 12],
  ]),
  item('664321098768', 'kids', '学生书包 护脊 大容量', 'School backpack, spine-protecting, large', 0.9, {
    price: 168,
    stock: 22,
  }),
  item('587654321098', 'phone', 'iPhone 17 Pro 液态硅胶手机壳', 'Liquid silicone case for iPhone 17 Pro', 0.05, [
    ['3301234567001', '颜色:午夜黑', 39, 200],
    ['3301234567002', '颜色:远峰蓝', 39, 150],
    ['3301234567003', '颜色:樱花粉', 39, 0],
  ]),
  item('587654321099', 'phone', '65W 氮化镓快充充电器 双口', '65 W GaN fast charger, two ports', 0.12, {
    price: 99,
    stock: 80,
  }),
  item('587654321100', 'phone', 'Type-C 编织数据线 2米', 'Braided USB-C cable, 2 m', 0.06, [
    ['3301234568001', '长度:1米', 19.9, 500],
    ['3301234568002', '长度:2米', 25.9, 300],
  ]),
  item('587654321101', 'phone', '蓝牙耳机 主动降噪 长续航', 'Bluetooth earbuds, active noise cancelling', 0.2, [
    ['3301234569001', '颜色:白色', 269, 35],
    ['3301234569002', '颜色:黑色', 269, 28],
  ]),
  item('587654321102', 'phone', '磁吸充电宝 10000毫安', 'Magnetic power bank, 10,000 mAh', 0.25, {
    price: 149,
    stock: 60,
  }),
  item('498765432109', 'home', '北欧陶瓷餐具套装 碗盘 16件', 'Nordic ceramic tableware set, 16 pieces', 4.8, [
    ['2201234567001', '颜色:雾霾蓝', 238, 10],
    ['2201234567002', '颜色:奶白', 238, 7],
  ]),
  item('498765432110', 'home', '304不锈钢保温杯 500ml', '304 stainless steel vacuum flask, 500 ml', 0.35, [
    ['2201234568001', '颜色:磨砂黑', 69, 120],
    ['2201234568002', '颜色:樱粉', 69, 90],
  ]),
  item('498765432111', 'home', '纯棉四件套 床上用品 1.8m床', 'Cotton bedding set of four, 1.8 m bed', 2.4, [
    ['2201234569001', '花色:格子;规格:1.8m', 299, 15],
    ['2201234569002', '花色:素色;规格:1.8m', 279, 21],
  ]),
  item('498765432112', 'home', '收纳箱 可折叠 带盖 三个装', 'Folding storage boxes with lids, pack of three', 1.9, {
    price: 79,
    stock: 70,
  }),
  item('498765432113', 'home', 'LED护眼台灯 无极调光', 'LED desk lamp, stepless dimming', 1.1, {
    price: 129,
    stock: 33,
  }),
  item('498765432114', 'home', '香薰蜡烛 礼盒装 桂花味', 'Scented candle gift box, osmanthus', 0.6, {
    price: 58,
    stock: 0,
  }),
  item('398765432101', 'shoes', '男士透气跑步鞋 轻便缓震', "Men's breathable running shoes, light cushioning", 0.9, [
    ['1101234567001', '颜色:黑白;尺码:41', 239, 14],
    ['1101234567002', '颜色:黑白;尺码:42', 239, 19],
    ['1101234567003', '颜色:黑白;尺码:43', 239, 7],
  ]),
  item('398765432102', 'shoes', '女士帆布鞋 经典低帮', "Women's classic low-top canvas shoes", 0.7, [
    ['1101234568001', '颜色:白色;尺码:36', 99, 25],
    ['1101234568002', '颜色:白色;尺码:37', 99, 30],
    ['1101234568003', '颜色:黑色;尺码:37', 99, 1],
  ]),
  item('398765432103', 'shoes', '加绒雪地靴 防水 保暖', 'Fleece-lined snow boots, waterproof', 1.3, [
    ['1101234569001', '颜色:栗色;尺码:38', 189, 9],
    ['1101234569002', '颜色:栗色;尺码:39', 189, 6],
  ]),
  item('298765432101', 'tea', '安溪铁观音 浓香型 500克', 'Anxi Tieguanyin oolong tea, strong aroma, 500 g', 0.6, [
    ['6601234567001', '规格:罐装500g', 168, 40],
    ['6601234567002', '规格:礼盒500g', 218, 12],
  ]),
  item('298765432102', 'tea', '云南普洱熟茶 饼茶 357克', 'Yunnan ripe pu-erh tea cake, 357 g', 0.45, {
    price: 135,
    stock: 26,
  }),
  item('298765432103', 'tea', '紫砂茶具套装 手工 功夫茶', 'Handmade Yixing clay kung fu tea set', 2.2, {
    price: 388,
    stock: 4,
  }),
  item('198765432101', 'toys', '儿童积木 大颗粒 300块', "Children's building blocks, large bricks, 300 pieces", 1.8, {
    price: 159,
    stock: 37,
  }),
  item('198765432102', 'toys', '遥控越野车 四驱 充电版', 'Remote-control off-road car, 4WD, rechargeable', 1.4, [
    ['7701234567001', '颜色:红色', 199, 11],
    ['7701234567002', '颜色:蓝色', 199, 0],
  ]),
  item('198765432103', 'toys', '毛绒玩具 大熊猫 60cm', 'Plush giant panda, 60 cm', 0.8, { price: 88, stock: 45 }),
  item('198765432104', 'toys', '拼图 1000片 故宫风景', 'Jigsaw puzzle, 1,000 pieces, Forbidden City', 0.9, {
    price: 69,
    stock: 18,
  }),
  item('198765432199', 'closed', '手工皮具钱包 头层牛皮', 'Handmade leather wallet, full-grain', 0.2, {
    price: 139,
    stock: 10,
  }),
];

/**
 * What has changed on Taobao since the items were listed in OT: export finds these, and asks the operator.
 * Tests and demonstrations add more through the simulator's `script` knobs.
 */
export const PROVIDER_CHANGES: ProviderChange[] = [
  { itemId: '765432109876', configurationId: '5123456789012', price: 489 },
  { itemId: '587654321101', configurationId: '3301234569002', soldOut: true },
];
